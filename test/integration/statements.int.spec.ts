import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { ClientsModule, ClientsService } from '#clients';
import { ManualClock } from '#clock';
import { queryPrepared, RequiredWriteMissingError, runTogether, TenantScope, WriteBatch } from '#database';
import { ownerQuery } from '../support/test-app';
import { startIntegrationTier } from '../support/integration-tier';
import type { TestEnvironment } from '../support/test-environment';

/**
 * The message path's statement plumbing (#database) on the runtime login's pool: pipeline mode, a
 * transaction begun in the same write as its first statement, statements sent together, named
 * prepared statements, a write batch committed in the write that carries it. What must hold: a failure anywhere rolls the whole transaction back and surfaces
 * as TypeORM's QueryFailedError, and the connection stays usable.
 */
describe('statements on the runtime pool (integration, no HTTP)', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let env: TestEnvironment;
  let app: INestApplicationContext;
  let scope: TenantScope;
  let dataSource: DataSource;
  let clientId: string;

  beforeAll(async () => {
    ({ env, app } = await startIntegrationTier(clock, [ClientsModule]));
    scope = app.get(TenantScope);
    dataSource = app.get<DataSource>(getDataSourceToken());
    clientId = (await app.get(ClientsService).create({ name: 'Original Ltd' }, { id: null, role: 'system' })).client.id;
  });

  afterAll(async () => {
    await app?.close();
    await env?.destroy();
  });

  const nameOf = async () => (await ownerQuery<{ name: string }>(env.config, 'SELECT name FROM clients WHERE id = $1', [clientId]))[0].name;
  const rename = () => ({ text: 'UPDATE clients SET name = $2 WHERE id = $1', values: [clientId, 'Renamed Ltd'] });

  it('runs in pipeline mode, and a scope begun in one write sees only its client', async () => {
    const seen = await scope.run(clientId, async (tx) => {
      const client = (await tx.queryRunner!.connect()) as { pipeline?: boolean };
      const [row] = await queryPrepared<{ client: string; scope: string }>(tx, `SELECT current_setting('app.client_id') AS client, current_setting('app.tenant_scope') AS scope`, []);
      return { pipeline: client.pipeline, ...row };
    });
    expect(seen).toEqual({ pipeline: true, client: clientId, scope: '' });
  });

  it('a statement failing after a write rolls the write back and throws QueryFailedError', async () => {
    const failed = scope.run(clientId, async (tx) => {
      const { text, values } = rename();
      await queryPrepared(tx, text, values);
      await queryPrepared(tx, 'SELECT no_such_column FROM clients', []);
    });
    await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failed).rejects.toMatchObject({ code: '42703' });
    expect(await nameOf()).toBe('Original Ltd');
  });

  it('statements sent together: one failing in the middle fails the batch, its COMMIT rolls back, the connection stays usable', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const batch = runTogether(runner, ['BEGIN', rename(), { text: 'SELECT 1 / $1::int AS x', values: [0] }, 'COMMIT']);
      await expect(batch).rejects.toBeInstanceOf(QueryFailedError);
      await expect(batch).rejects.toMatchObject({ code: '22012' });
      expect(await nameOf()).toBe('Original Ltd');
      const [[row]] = await runTogether(runner, [{ text: 'SELECT $1::int + 1 AS x', values: [41] }]);
      expect(row).toEqual({ x: 42 });
    } finally {
      await runner.release();
    }
  });

  it('a statement run twice on a connection is prepared there once, under one name', async () => {
    const text = 'SELECT count(*)::int AS n FROM clients WHERE id = $1';
    const prepared = await scope.run(clientId, async (tx) => {
      await queryPrepared(tx, text, [clientId]);
      await queryPrepared(tx, text, [clientId]);
      return tx.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toMatch(/^cv_/);
  });

  const renamePart = (name: string) => ({ sql: 'UPDATE clients SET name = $2 WHERE id = $1 RETURNING id', params: [clientId, name] });
  const nothingPart = () => ({ sql: 'UPDATE clients SET name = name WHERE id = $1 RETURNING id', params: ['00000000-0000-4000-8000-000000000000'] });

  it('a write batch committed in its own write is committed when the scope returns; its steps ran, then its after-commit hooks', async () => {
    const events: string[] = [];
    dataSource.subscribers.push({ afterTransactionCommit: () => void events.push('commit'), afterTransactionRollback: () => void events.push('rollback') });
    const counts = await scope.run(clientId, async (tx) => {
      const batch = new WriteBatch().add('renamed', renamePart('Batched Ltd'), { required: true }).afterRun(() => void events.push('ran'));
      const result = await batch.runAndCommit(tx);
      expect(tx.queryRunner!.isTransactionActive).toBe(false);
      return result;
    });
    dataSource.subscribers.pop();
    expect(counts).toEqual({ renamed: 1 });
    // The hooks act on what the steps mark (the audit chain waits for events a step marked).
    expect(events).toEqual(['ran', 'commit']);
    expect(await nameOf()).toBe('Batched Ltd');
    await ownerQuery(env.config, `UPDATE clients SET name = 'Original Ltd' WHERE id = $1`, [clientId]);
  });

  it('a required part that writes nothing fails the batch: nothing of it or before it is written, and the pool connection is usable', async () => {
    const failed = scope.run(clientId, async (tx) => {
      const { text, values } = rename();
      await queryPrepared(tx, text, values);
      await new WriteBatch().add('renamed', renamePart('Half Written Ltd')).add('missing', nothingPart(), { required: true }).runAndCommit(tx);
    });
    await expect(failed).rejects.toBeInstanceOf(RequiredWriteMissingError);
    await expect(failed).rejects.toMatchObject({ part: 'missing' });
    expect(await nameOf()).toBe('Original Ltd');
    // The same batch without the required part, through run(): optional parts that write nothing are counted as 0.
    const counts = await scope.run(clientId, (tx) => new WriteBatch().add('missing', nothingPart()).run(tx));
    expect(counts).toEqual({ missing: 0 });
  });

  it('a statement sent ahead with the begin answers the same text and values once, then goes out again', async () => {
    const mark = { text: `UPDATE clients SET name = name || '!' WHERE id = $1 RETURNING name`, values: [clientId] };
    const names = await scope.run(
      clientId,
      async (tx) => {
        const [begun] = await tx.query('SELECT name FROM clients WHERE id = $1', [clientId]); // ran with the begin
        const [first] = await queryPrepared<{ name: string }>(tx, mark.text, mark.values);
        const [second] = await queryPrepared<{ name: string }>(tx, mark.text, mark.values);
        return [begun.name, first.name, second.name];
      },
      undefined,
      [mark],
    );
    expect(names).toEqual(['Original Ltd!', 'Original Ltd!', 'Original Ltd!!']);
    expect(await nameOf()).toBe('Original Ltd!!');
    await ownerQuery(env.config, `UPDATE clients SET name = 'Original Ltd' WHERE id = $1`, [clientId]);
  });
});
