/**
 * bench:api's baseline, beside the real API in the same compiled process: POST /bench/bare-message does
 * one INSERT of the same row as the message path and nothing else (no policy, no tenant scope beyond
 * naming the tenant row-level security asks for, no audit). Plain JavaScript with Nest's decorators
 * applied by hand, because the child runs dist/ without a TypeScript loader.
 */
const { randomUUID } = require('node:crypto');
const { Body, Controller, HttpCode, Inject, Module, Post } = require('@nestjs/common');
const { getDataSourceToken } = require('@nestjs/typeorm');
const { Public } = require('#access');

const MESSAGE = { callerName: 'Bench Caller', callerPhone: '+44 20 7946 0000', body: 'Please call back about the quote.' };

class BareInsertController {
  constructor(dataSource) {
    this.dataSource = dataSource;
  }

  async insert(body) {
    const id = randomUUID();
    // calls/caller_messages have forced row-level security: the bare insert still has to name its tenant.
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.client_id', $1, true)`, [body.clientId]);
      await tx.query(
        `INSERT INTO caller_messages (id, client_id, call_id, agent_id, caller_name, caller_phone, body, instructions_version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
        [id, body.clientId, body.callId, body.agentId, MESSAGE.callerName, MESSAGE.callerPhone, MESSAGE.body],
      );
    });
    return { id };
  }
}
Inject(getDataSourceToken())(BareInsertController, undefined, 0);
Controller('bench')(BareInsertController);
const insert = Object.getOwnPropertyDescriptor(BareInsertController.prototype, 'insert');
for (const decorate of [Public(), Post('bare-message'), HttpCode(201)]) decorate(BareInsertController.prototype, 'insert', insert);
Body()(BareInsertController.prototype, 'insert', 0);

/** The API module with the bare endpoint added. */
function withBareInsert(apiModule) {
  class BenchModule {}
  Module({ imports: [apiModule], controllers: [BareInsertController] })(BenchModule);
  return BenchModule;
}

module.exports = { MESSAGE, withBareInsert };
