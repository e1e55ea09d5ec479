import { ManualClock } from '#clock';
import { SecretHasher } from '#crypto';
import { wavBytes } from './support/audio';
import { ApiProcess, startApiProcesses } from './support/api-process';
import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';
import { createClientWithUsers, login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('sign-in lockout and ingest-key limits (one API process, manual clock)', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));

  async function newAgent() {
    const email = `agent.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(bearer(adminToken)).send({ email, password: PASSWORD, role: 'agent' }).expect(201);
    return { id: created.body.id as string, email };
  }
  const attempt = (email: string, password: string) => api.http.post('/auth/login').send({ email, password });

  beforeAll(async () => {
    env = await createTestEnvironment({ LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_BASE_SECONDS: '60', LOGIN_LOCKOUT_MAX_SECONDS: '240', INGEST_KEY_FAILURE_LIMIT: '3', INGEST_KEY_BLOCK_SECONDS: '60' });
    api = await startTestApi(env.config, { clock });
    adminToken = await loginAdmin(api.http);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('locks an account after repeated failures with growing delays, and never another account', async () => {
    const victim = await newAgent();
    const bystander = await newAgent();
    for (let i = 0; i < 3; i++) await attempt(victim.email, 'wrong-password-guess').expect(401);
    const locked = await attempt(victim.email, PASSWORD).expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'account_locked' });
    expect(locked.headers['retry-after']).toBe('60');
    await login(api.http, bystander.email, PASSWORD);

    clock.advance(61_000);
    await attempt(victim.email, 'wrong-password-guess').expect(401); // the 4th failure: twice as long
    expect((await attempt(victim.email, PASSWORD).expect(429)).headers['retry-after']).toBe('120');
    clock.advance(61_000);
    await attempt(victim.email, PASSWORD).expect(429);
    clock.advance(60_000);
    await login(api.http, victim.email, PASSWORD);
    // Success starts the count again.
    await attempt(victim.email, 'wrong-password-guess').expect(401);
    await login(api.http, victim.email, PASSWORD);

    const lockouts = await ownerQuery<{ subject_id: string; details: { lockedSeconds: number } }>(env.config, `SELECT subject_id, details FROM audit_events WHERE action = 'auth.lockout' ORDER BY id`);
    expect(lockouts.filter((e) => e.subject_id === victim.id).map((e) => e.details.lockedSeconds)).toEqual([60, 120]);
    const refusals = await ownerQuery(env.config, `SELECT 1 FROM audit_events WHERE action = 'auth.login' AND subject_id = $1 AND details->>'reason' = 'locked'`, [victim.id]);
    expect(refusals.length).toBe(3);
  });

  it('locks an unknown address exactly like a real one (no way to tell them apart)', async () => {
    const unknown = 'nobody.here@example.test';
    for (let i = 0; i < 3; i++) await attempt(unknown, 'wrong-password-guess').expect(401);
    const locked = await attempt(unknown, 'whatever-password').expect(429);
    expect(locked.body.code).toBe('account_locked');
    const stored = await ownerQuery<{ account_key: string }>(env.config, `SELECT account_key FROM login_failures`);
    expect(JSON.stringify(stored)).not.toContain('nobody.here');
  });

  it('an admin can unlock an account, and that is audited', async () => {
    const agent = await newAgent();
    for (let i = 0; i < 3; i++) await attempt(agent.email, 'wrong-password-guess').expect(401);
    await attempt(agent.email, PASSWORD).expect(429);
    await api.http.post(`/users/${agent.id}/unlock`).set(bearer(adminToken)).expect(204);
    await login(api.http, agent.email, PASSWORD);
    const events = await api.http.get(`/audit?subjectId=${agent.id}&action=user.unlock`).set(bearer(adminToken)).expect(200);
    expect(events.body).toHaveLength(1);
  });

  it('a wrong current password on a password change counts towards the lockout', async () => {
    const agent = await newAgent();
    const token = await login(api.http, agent.email, PASSWORD);
    for (let i = 0; i < 3; i++) await api.http.post('/auth/password').set(bearer(token)).send({ currentPassword: 'wrong-password-guess', newPassword: 'another-long-password' }).expect(403);
    expect((await attempt(agent.email, PASSWORD).expect(429)).body.code).toBe('account_locked');
  });

  describe('ingest keys', () => {
    let party: Awaited<ReturnType<typeof createClientWithUsers>>;
    const upload = async (key: string) => {
      const call = await api.http.post('/calls').set(bearer(party.agent.token)).send({ clientId: party.clientId, callerNumber: '+447700900123', startedAt: clock.now().toISOString() }).expect(201);
      return api.http.put(`/calls/${call.body.id}/recording`).set({ 'X-Ingest-Key': key, 'Content-Type': 'audio/wav' }).send(wavBytes(4096));
    };
    const issue = async () => (await api.http.post(`/clients/${party.clientId}/ingest-keys`).set(bearer(adminToken)).send({ label: 'pbx' }).expect(201)).body as { id: string; key: string };
    const wrongSecret = (key: string) => key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');

    beforeAll(async () => {
      party = await createClientWithUsers(api.http, adminToken, 'Ingest Limits Ltd');
    });

    it('counts wrong secrets per key id, audits them, then refuses that key id alone for a while', async () => {
      const target = await issue();
      const other = await issue();
      for (let i = 0; i < 3; i++) expect((await upload(wrongSecret(target.key))).status).toBe(401);
      const blocked = await upload(target.key);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('ingest_key_blocked');
      expect(Number(blocked.headers['retry-after'])).toBe(60);
      expect((await upload(other.key)).status).toBe(201);
      clock.advance(61_000);
      expect((await upload(target.key)).status).toBe(201);

      const events = await ownerQuery<{ action: string; client_id: string; outcome: string }>(
        env.config,
        `SELECT action, client_id, outcome FROM audit_events WHERE subject_id = $1 AND action IN ('ingest_key.verify', 'ingest_key.block') ORDER BY id`,
        [target.id],
      );
      expect(events).toEqual([
        ...Array(3).fill({ action: 'ingest_key.verify', client_id: party.clientId, outcome: 'denied' }),
        { action: 'ingest_key.block', client_id: party.clientId, outcome: 'denied' },
      ]);
    });

    it('a key stored with argon2id before keyed hashing still works once, and is rehashed on that use', async () => {
      const legacy = await issue();
      const secret = legacy.key.slice('cvik_'.length + 32 + 1);
      await ownerQuery(env.config, `UPDATE ingest_keys SET secret_hash = $2 WHERE id = $1`, [legacy.id, await new SecretHasher().hash(secret)]);
      expect((await upload(legacy.key)).status).toBe(201);
      const [row] = await ownerQuery<{ secret_hash: string }>(env.config, `SELECT secret_hash FROM ingest_keys WHERE id = $1`, [legacy.id]);
      expect(row.secret_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect((await upload(legacy.key)).status).toBe(201);
      expect((await upload(wrongSecret(legacy.key))).status).toBe(401);
    });
  });
});

describe('two API processes share the sign-in throttle, the lockout and session ends', () => {
  let env: TestEnvironment;
  let apis: ApiProcess[] = [];

  const signIn = (api: ApiProcess, body: object, from: string) =>
    fetch(`${api.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from }, body: JSON.stringify(body) });

  beforeAll(async () => {
    // Loopback is trusted, so each test names its client address in X-Forwarded-For.
    env = await createTestEnvironment({ LOGIN_RATE_LIMIT_PER_MINUTE: '4', LOGIN_LOCKOUT_THRESHOLD: '3', TRUST_PROXY: 'loopback' });
    apis = await startApiProcesses(env.env, 2);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await env?.destroy();
  });

  it('allows LOGIN_RATE_LIMIT_PER_MINUTE attempts per address across both processes, not per process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await signIn(apis[i % 2], { email: `stranger${i}@example.test`, password: 'wrong-password-guess' }, '203.0.113.10');
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    // Another address still has its own attempts.
    expect((await signIn(apis[1], { email: 'stranger9@example.test', password: 'wrong-password-guess' }, '203.0.113.11')).status).toBe(401);
  });

  it('locks an account for both processes when guesses are spread over processes and addresses', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(apis[i % 2], { email: ADMIN.email, password: 'wrong-password-guess' }, `198.51.100.${i + 1}`)).status).toBe(401);
    for (const api of apis) {
      const response = await signIn(api, ADMIN, '198.51.100.50');
      expect(response.status).toBe(429);
      expect(((await response.json()) as { code: string }).code).toBe('account_locked');
    }
    await ownerQuery(env.config, 'DELETE FROM login_failures');
  });

  it('a session ended on one process stops working on the other within seconds', async () => {
    const response = await signIn(apis[0], ADMIN, '192.0.2.7');
    expect(response.status).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const users = () => fetch(`${apis[1].url}/users`, { headers: bearer(accessToken) }).then((r) => r.status);
    expect(await users()).toBe(200); // now cached as live by the second process
    expect((await fetch(`${apis[0].url}/auth/logout`, { method: 'POST', headers: bearer(accessToken) })).status).toBe(204);
    const endedAt = Date.now();
    while ((await users()) !== 401) {
      expect(Date.now() - endedAt).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
