/**
 * bench:api — what the policy, row-level security and the audit chain cost on the hottest write.
 * The API runs as operators run it (the compiled build in dist/, a process of its own, see
 * bench/support/api-child.cjs) with one extra endpoint, a bare INSERT of the same row and nothing else
 * (bench/support/bare-insert.cjs). autocannon (50 connections) against POST /calls/:id/messages and
 * against the bare endpoint, in BENCH_ROUNDS (9: this VM drifts by tens of percent between minutes,
 * and medians of 5 rounds still moved by ±5 % from run to run) interleaved rounds of 6 s each. Prints each round's rates (and the API's and Postgres' CPU per
 * request) and the last line
 * `message path: R % of bare req/s, p99 Q x bare` (goals >= 60 %, <= 1.5 x), the medians of the
 * rounds' ratios. BENCH_PROFILE=/tmp/api.cpuprofile writes CPU profiles of the API while the full
 * path (that file) and the bare path (/tmp/api.bare.cpuprofile) are measured in the first round.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type autocannon from 'autocannon';
import request from 'supertest';
import { createTestEnvironment, TestEnvironment } from '../test/support/test-environment';
import { createClientWithUsers, loginAdmin } from '../test/support/test-app';
import { cpuSeconds, profileApi, runBenchmark, startApiProcess, stopApiProcess } from './support/api-process';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SECONDS = Number(process.argv[2] ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
// The same row as bench/support/bare-insert.cjs inserts.
const MESSAGE = { callerName: 'Bench Caller', callerPhone: '+44 20 7946 0000', body: 'Please call back about the quote.' };

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

/** CPU seconds so far of the API process and of the Postgres backends serving the run's database. */
function cpuNow(apiPid: number, database: string): { api: number; postgres: number } {
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) postgres += cpuSeconds(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return { api: cpuSeconds(apiPid), postgres };
}

/** Runs a measurement and reports what each side spent per request (ms), so a slower path shows where. */
async function measured(apiPid: number, database: string, go: () => Promise<autocannon.Result>) {
  const before = cpuNow(apiPid, database);
  const result = await go();
  const after = cpuNow(apiPid, database);
  const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(1, result.requests.total)).toFixed(2);
  return { result, cpu: `API ${perRequest(after.api - before.api)} ms, Postgres ${perRequest(after.postgres - before.postgres)} ms CPU per request` };
}

async function main() {
  let env: TestEnvironment | undefined;
  let child: ChildProcess | undefined;
  try {
    env = await createTestEnvironment({ LOG_LEVEL: 'silent' });
    const started = await startApiProcess({ ...env.env, BENCH_BARE_INSERT: '1' });
    child = started.child;
    const pid = child.pid!;
    const url = `http://127.0.0.1:${started.port}`;
    const http = request(url);
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
    // Rounds of bare then full, interleaved: this VM's speed drifts by tens of percent between minutes,
    // so each round's ratio compares neighbours, and the median round is reported.
    const rounds: { bare: Awaited<ReturnType<typeof measured>>; full: Awaited<ReturnType<typeof measured>>; ratio: number; p99: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const profiling = process.env.BENCH_PROFILE && round === 0;
      if (profiling) await profileApi(child, { profile: 'start' });
      const bare = await measured(pid, database, () => bareRun(DURATION_SECONDS));
      if (profiling) await profileApi(child, { profile: 'stop', file: process.env.BENCH_PROFILE!.replace(/(\.cpuprofile)?$/, '.bare.cpuprofile') });
      if (profiling) await profileApi(child, { profile: 'start' });
      const full = await measured(pid, database, () => fullRun(DURATION_SECONDS));
      if (profiling) await profileApi(child, { profile: 'stop', file: process.env.BENCH_PROFILE! });
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
    await stopApiProcess(child);
    await env?.destroy();
  }
}

runBenchmark(main);
