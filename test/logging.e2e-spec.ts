import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { wavBytes } from './support/audio';
import { ownerQuery } from './support/test-app';
import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';

const CALLER = { name: 'Philippa Quenby-Marsh', phone: '+44 7700 900123', email: 'pq.marsh@example.org', text: 'Please call back about the leaking boiler at Elm Cottage' };
const CONTACT = { name: 'Cedric Contactperson', email: 'cedric@contact.example' };
const STRANGER = 'nobody.here@private.example';

const freePort = async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

/** The API as operators run it, at LOG_LEVEL=info: what it writes must name no person and carry no credential. */
describe('logs', () => {
  let env: TestEnvironment;
  let child: ChildProcess;
  let output = '';
  let base: string;

  const call = async (method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ LOG_LEVEL: 'info' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-C', 'development', '-r', 'ts-node/register/transpile-only', 'apps/api/src/main.ts'], {
      env: { PATH: process.env.PATH, ...env.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/health`).then((r) => r.status, () => 0)) === 200) break;
      if (i > 120) throw new Error(`the API did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await env?.destroy();
  });

  it('name no caller, contact or user, and carry no password, token or key, while a day of work is logged', async () => {
    const admin = (await call('POST', '/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } })).body.accessToken as string;
    expect((await call('POST', '/auth/login', { body: { email: STRANGER, password: 'wrong-password-123' } })).status).toBe(401);
    const client = (await call('POST', '/clients', { token: admin, body: { name: 'Logged Ltd', contactName: CONTACT.name, contactEmail: CONTACT.email } })).body;
    await call('POST', '/users', { token: admin, body: { email: 'agent.logged@callvault.test', password: 'a-long-test-password', role: 'agent' } });
    const agent = (await call('POST', '/auth/login', { body: { email: 'agent.logged@callvault.test', password: 'a-long-test-password' } })).body.accessToken as string;
    const key = (await call('POST', `/clients/${client.id}/ingest-keys`, { token: admin, body: {} })).body.key as string;
    const created = await call('POST', '/calls', { token: agent, body: { clientId: client.id, callerNumber: CALLER.phone, startedAt: new Date().toISOString() } });
    expect(created.status).toBe(201);
    expect((await call('POST', `/calls/${created.body.id}/messages`, { token: agent, body: { callerName: CALLER.name, callerPhone: CALLER.phone, callerEmail: CALLER.email, body: CALLER.text } })).status).toBe(201);
    expect((await call('PUT', `/calls/${created.body.id}/recording`, { headers: { 'X-Ingest-Key': key, 'Content-Type': 'audio/wav' }, raw: wavBytes(4096) })).status).toBe(201);
    // Refusals and bad input, with personal data in the body and the query string.
    expect((await call('POST', `/calls/${created.body.id}/messages`, { token: agent, body: { callerName: CALLER.name, callerPhone: CALLER.phone, body: CALLER.text, shoeSize: CALLER.email } })).status).toBe(400);
    expect((await call('GET', `/messages?clientId=${client.id}&search=${encodeURIComponent(CALLER.email)}`, { token: admin })).status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 500)); // let the last lines flush

    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"path":"/calls"')).length).toBeGreaterThan(0); // the work was logged
    for (const secret of [CALLER.name, CALLER.phone, CALLER.email, CALLER.text, CONTACT.name, CONTACT.email, STRANGER, ADMIN.password, admin, agent, key, 'search=']) {
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
    expect(lines.filter((l) => /\n?\s+at \S+ \(/.test(l) || l.includes('\\n    at '))).toEqual([]);
  });

  it('answer an unexpected failure with a plain 500 and an error id; the log has the cause, not the caller data in it', async () => {
    const admin = (await call('POST', '/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } })).body.accessToken as string;
    const client = (await call('POST', '/clients', { token: admin, body: { name: 'Broken Ltd' } })).body;
    await call('POST', '/users', { token: admin, body: { email: 'agent.broken@callvault.test', password: 'a-long-test-password', role: 'agent' } });
    const agent = (await call('POST', '/auth/login', { body: { email: 'agent.broken@callvault.test', password: 'a-long-test-password' } })).body.accessToken as string;
    const created = (await call('POST', '/calls', { token: agent, body: { clientId: client.id, callerNumber: CALLER.phone, startedAt: new Date().toISOString() } })).body;
    // A schema the code does not expect: the INSERT fails inside the driver, with the caller's details as its parameters.
    await ownerQuery(env.config, 'ALTER TABLE caller_messages RENAME COLUMN body TO body_moved');
    try {
      const failed = await call('POST', `/calls/${created.id}/messages`, { token: agent, body: { callerName: CALLER.name, callerPhone: CALLER.phone, callerEmail: CALLER.email, body: CALLER.text } });
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: `Internal error (error id ${failed.body.errorId})`, errorId: expect.any(String) });
      await new Promise((r) => setTimeout(r, 500));
      const [line] = output.split('\n').filter((l) => l.includes(failed.body.errorId));
      expect(JSON.parse(line)).toMatchObject({ err: { type: 'QueryFailedError', code: '42703', stack: expect.stringContaining('at ') } });
      for (const secret of [CALLER.name, CALLER.phone, CALLER.email, CALLER.text]) expect(line).not.toContain(secret);
    } finally {
      await ownerQuery(env.config, 'ALTER TABLE caller_messages RENAME COLUMN body_moved TO body');
    }
  });
});
