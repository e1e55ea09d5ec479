/**
 * bench:api — what the policy, row-level security and the audit chain cost on the hottest write.
 * autocannon (50 connections) against POST /calls/:id/messages, and in the same app and run against
 * a bare endpoint that does one INSERT of the same row and nothing else, in BENCH_ROUNDS (3) interleaved
 * rounds of 6 s each. Prints each round's rates (and the API's and Postgres' CPU per request) and the
 * last line `message path: R % of bare req/s, p99 Q x bare` (goals >= 60 %, <= 1.5 x), the medians of
 * the rounds' ratios. BENCH_PROFILE=/tmp/api.cpuprofile writes a CPU profile of the server (this process) while
 * the full path is measured.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { Public } from '#access';
import { ApiModule } from '../apps/api/src/api.module';
import { configureHttp } from '../apps/api/src/http-setup';
import { createTestEnvironment } from '../test/support/test-environment';
import { createClientWithUsers, loginAdmin } from '../test/support/test-app';
import request from 'supertest';
import { cpuSeconds } from './support/api-process';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SECONDS = Number(process.argv[2] ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MESSAGE = { callerName: 'Bench Caller', callerPhone: '+44 20 7946 0000', body: 'Please call back about the quote.' };

/** The baseline: the same row, one INSERT as the owner of nothing, no policy, no tenant scope, no audit. */
@Controller('bench')
class BareInsertController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Post('bare-message')
  @HttpCode(201)
  async insert(@Body() body: { clientId: string; callId: string; agentId: string }) {
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

/** autocannon in its own process, so the load generator does not share the server's event loop. */
function run(options: { url: string; duration: number; headers: Record<string, string>; body: string }): Promise<autocannon.Result> {
  const args = ['-c', String(CONNECTIONS), '-d', String(options.duration), '-m', 'POST', '-b', options.body, '--json'];
  for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}=${value}`);
  return new Promise((resolve, reject) =>
    execFile('node_modules/.bin/autocannon', [...args, options.url], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout)),
    ),
  );
}

/** CPU seconds so far of this process and of the Postgres backends serving the run's database. */
function cpuNow(database: string): { api: number; postgres: number } {
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) postgres += cpuSeconds(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return { api: (own.user + own.system) / 1e6, postgres };
}

/** Runs a measurement and reports what each side spent per request (ms), so a slower path shows where. */
async function measured(database: string, go: () => Promise<autocannon.Result>) {
  const before = cpuNow(database);
  const result = await go();
  const after = cpuNow(database);
  const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(1, result.requests.total)).toFixed(2);
  return { result, cpu: `API ${perRequest(after.api - before.api)} ms, Postgres ${perRequest(after.postgres - before.postgres)} ms CPU per request` };
}

async function main() {
  const env = await createTestEnvironment({ LOG_LEVEL: 'silent' });
  @Module({ imports: [ApiModule.forRoot(env.config)], controllers: [BareInsertController] })
  class BenchModule {}
  const app = configureHttp(await NestFactory.create(BenchModule, { logger: false }));
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  try {
    const http = request(app.getHttpServer());
    const adminToken = await loginAdmin(http);
    const { clientId, agent } = await createClientWithUsers(http, adminToken, 'Bench Ltd');
    const call = await http.post('/calls').set('Authorization', `Bearer ${agent.token}`).send({ clientId, callerNumber: '+44 20 7946 0000', startedAt: new Date().toISOString() }).expect(201);
    const me = await http.post('/auth/login').send({ email: agent.email, password: 'a-long-test-password' }).expect(200);

    const common = { duration: DURATION_SECONDS, headers: { 'content-type': 'application/json' } };
    const database = new URL(env.config.databaseUrl).pathname.slice(1);
    const bareRun = (duration: number) => run({ ...common, duration, url: `${url}/bench/bare-message`, body: JSON.stringify({ clientId, callId: call.body.id, agentId: me.body.user.id }) });
    const fullRun = (duration: number) =>
      run({ ...common, duration, url: `${url}/calls/${call.body.id}/messages`, headers: { ...common.headers, authorization: `Bearer ${agent.token}` }, body: JSON.stringify(MESSAGE) });
    // Warm both paths (JIT, pool) before measuring.
    await bareRun(2);
    await fullRun(2);
    const session = process.env.BENCH_PROFILE ? new Session() : undefined;
    const post = (method: string) => new Promise<any>((resolve, reject) => session!.post(method, (error, result) => (error ? reject(error) : resolve(result))));
    // Rounds of bare then full, interleaved: this VM's speed drifts by tens of percent between minutes,
    // so each round's ratio compares neighbours, and the median round is reported.
    const rounds: { bare: Awaited<ReturnType<typeof measured>>; full: Awaited<ReturnType<typeof measured>>; ratio: number; p99: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bare = await measured(database, () => bareRun(DURATION_SECONDS));
      if (session && round === 0) {
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
      }
      const full = await measured(database, () => fullRun(DURATION_SECONDS));
      if (session && round === 0) {
        writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await post('Profiler.stop')).profile));
        session.disconnect();
      }
      const ratio = (full.result.requests.average / bare.result.requests.average) * 100;
      const p99 = full.result.latency.p99 / bare.result.latency.p99;
      rounds.push({ bare, full, ratio, p99 });
      for (const [name, { result, cpu }] of [['bare INSERT', bare], ['POST /calls/:id/messages', full]] as const) {
        const non2xx = result.non2xx + result.errors;
        console.log(`round ${round + 1} ${name.padEnd(26)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result.requests.total} requests, ${non2xx} non-2xx/errors; ${cpu})`);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`rounds: ${rounds.map((r) => `${r.ratio.toFixed(1)} % / ${r.p99.toFixed(2)} x`).join(', ')}`);
    console.log(`message path: ${median(rounds.map((r) => r.ratio)).toFixed(1)} % of bare req/s, p99 ${median(rounds.map((r) => r.p99)).toFixed(2)} x bare (goals >= 60 %, <= 1.5 x; medians of ${ROUNDS} rounds)`);
  } finally {
    await app.close();
    await env.destroy();
  }
}

void main();
