import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import Queue from 'bull';
import request from 'supertest';
import { appRoleName, loadConfig } from '#config';
import { dropDatabase } from '#database';
import { DELETIONS_QUEUE } from '#deliveries';
import { prepareDatabaseForStart } from '#platform';
import { audioChunks, basic, bearer, createParty, eventually, logCall, requestDownload } from './support/deliveries-helpers';
import { buildEntryPoints, EntryPoint, startEntryPoint } from './support/entry-points';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { ownerQuery } from './support/test-app';
import { ADMIN, deleteRedisKeys } from './support/test-environment';

const RECORDINGS = 14;

/** The port a child listens on (it was given PORT=0, so no port is picked here and lost to a race). */
function listeningPort(pid: number): number | null {
  const line = execFileSync('ss', ['-Htlnp'], { encoding: 'utf8' }).split('\n').find((l) => l.includes(`pid=${pid},`));
  const match = line && /:(\d+)\s/.exec(line.split(/\s+/).slice(3, 4).join(' ') + ' ');
  return match ? Number(match[1]) : null;
}

/** An environment for processes of our own: a database that does not exist yet, its runtime login, a Redis prefix. */
function freshEnvironment(overrides: Record<string, string> = {}) {
  const name = `callvault_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
    DATABASE_APP_URL: `postgres://${appRoleName(name)}:${randomBytes(12).toString('hex')}@127.0.0.1:5432/${name}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...overrides,
  };
  return { env, config: loadConfig(env) };
}

/** In front of the S3 endpoint: holds every DELETE while `holding`, so deletion jobs stay running in their workers. */
function holdingProxy(target: string) {
  const held: (() => void)[] = [];
  let holding = false;
  const server = http.createServer((req, res) => {
    const forward = () => {
      // A fresh upstream connection each time: reusing one the endpoint is just closing resets the request.
      const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers, agent: false }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      if (req.method === 'DELETE') upstream.end();
      else req.pipe(upstream);
    };
    if (holding && req.method === 'DELETE') held.push(forward);
    else forward();
  });
  // Outlive the S3 client's idle connections, so it never sends on one this side has closed.
  server.keepAliveTimeout = 65_000;
  return {
    server,
    held: () => held.length,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((forward) => forward());
    },
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function upload(port: number, token: string, callId: string, size: number, seed: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'PUT', path: `/calls/${callId}/recording`, headers: { ...bearer(token), 'Content-Type': 'audio/wav', 'Content-Length': size } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body || 'null') }));
      },
    );
    req.on('error', reject);
    for (const chunk of audioChunks(size, seed)) req.write(chunk);
    req.end();
  });
}

/** Issue 10, point 6: several API and worker processes on one database, as the README promises. */
describe('scale-out: several processes of each', () => {
  it('processes starting together on a database that does not exist yet all start (CREATE DATABASE and migrations race safely)', async () => {
    for (let round = 0; round < 2; round++) {
      const { config } = freshEnvironment();
      try {
        const results = await Promise.allSettled([1, 2, 3].map(() => prepareDatabaseForStart(config)));
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        const ran = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        expect(new Set(ran).size).toBe(ran.length); // each migration ran once, in one process
        const [{ n }] = await ownerQuery<{ n: number }>(config, `SELECT count(*)::int AS n FROM schema_migrations`);
        expect(n).toBe(ran.length);
      } finally {
        await dropDatabase(config.databaseUrl);
      }
    }
  });

  describe('two APIs and two workers started at once on an absent database', () => {
    let build: ReturnType<typeof buildEntryPoints>;
    let s3: S3Endpoint;
    let proxy: ReturnType<typeof holdingProxy>;
    let fresh: ReturnType<typeof freshEnvironment>;
    const processes: EntryPoint[] = [];

    beforeAll(async () => {
      build = buildEntryPoints();
      s3 = await startS3Endpoint();
      proxy = holdingProxy(s3.endpoint);
      const endpoint = await proxy.listen();
      fresh = freshEnvironment({ ...s3.env, S3_ENDPOINT: endpoint });
    });

    afterAll(async () => {
      for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      await proxy?.close();
      await s3?.stop();
      if (fresh) {
        await dropDatabase(fresh.config.databaseUrl);
        await deleteRedisKeys(fresh.config.redisUrl, fresh.config.queuePrefix);
      }
      build?.remove();
    });

    it('a worker killed with SIGKILL during deletions: every recording is deleted within 15 s', async () => {
      processes.push(
        ...[1, 2].map(() => startEntryPoint(build.dir, 'api', { ...fresh.env, PORT: '0' })),
        ...[1, 2].map(() => startEntryPoint(build.dir, 'worker', fresh.env)),
      );
      const [, , doomed] = processes;
      // Every process must come up; one that exits (a lost race) fails the test with what it said.
      const alive = () => {
        const gone = processes.find((p) => p.child.exitCode !== null);
        if (gone) throw new Error(`a process exited with ${gone.child.exitCode}: ${gone.stderr()}`);
      };
      const ports: number[] = [];
      for (const api of processes.slice(0, 2)) {
        const port = await eventually(async () => (alive(), listeningPort(api.child.pid!)), 120_000, 'API listening');
        await eventually(async () => (alive(), (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200), 60_000, `API on ${port} healthy`);
        ports.push(port);
      }
      const queue = new Queue(DELETIONS_QUEUE, fresh.config.redisUrl, { prefix: fresh.config.queuePrefix });
      try {
        await eventually(async () => (alive(), (await queue.getWorkers()).length >= 2), 60_000, 'two deletion workers');
        for (const p of processes) expect(p.child.exitCode).toBeNull(); // every process started, none lost a race

        const [one, two] = ports.map((port) => request(`http://127.0.0.1:${port}`));
        const adminToken = (await one.post('/auth/login').send(ADMIN).expect(200)).body.accessToken;
        const party = await createParty(one, adminToken, 'Scale Co');
        for (let i = 0; i < RECORDINGS; i++) {
          const callId = await logCall(i % 2 ? two : one, party, new Date(Date.now() - 60_000));
          expect(await upload(ports[i % 2], party.agent, callId, 4096 + i, i + 1)).toEqual({ status: 201, body: expect.anything() });
        }
        const delivery = (await two.post('/deliveries').set(bearer(party.client)).send({}).expect(201)).body;
        expect(delivery.recordingCount).toBe(RECORDINGS);

        proxy.hold();
        const downloaded = await requestDownload(ports[0], delivery.id, { authorization: basic(delivery.id, delivery.password) });
        expect(downloaded.status).toBe(200);
        // Where the download alone does not consume the delivery, the client's receipt does.
        await one.post(`/deliveries/${delivery.id}/receipt`).set('Authorization', basic(delivery.id, delivery.password)).send({ sha256: createHash('sha256').update(downloaded.body).digest('hex') });

        // More deletions in flight than one worker runs at once: both hold some.
        await eventually(async () => proxy.held() >= 7, 20_000, 'both workers deleting');
        doomed.child.kill('SIGKILL');
        const killedAt = Date.now();
        await doomed.exited;
        proxy.release();

        const left = async () => (await ownerQuery<{ n: number }>(fresh.config, `SELECT count(*)::int AS n FROM recordings WHERE status <> 'deleted'`))[0].n;
        await eventually(async () => (await left()) === 0, 15_000, 'every recording deleted');
        expect(Date.now() - killedAt).toBeLessThan(15_000);
        const [{ n: done }] = await ownerQuery<{ n: number }>(fresh.config, `SELECT count(*)::int AS n FROM deletion_outbox WHERE status = 'done'`);
        expect(done).toBe(RECORDINGS);
      } finally {
        await queue.close();
      }
    }, 240_000);
  });
});
