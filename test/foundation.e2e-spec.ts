import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';
import { createClientWithUsers, login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

describe('foundation: boot, health, identity, roles', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config);
    adminToken = await loginAdmin(api.http);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('answers health with every dependency up: status only for anonymous callers, details for admins', async () => {
    const anonymous = await api.http.get('/health').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const admin = await api.http.get('/health').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(admin.body.info).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' }, storage: { status: 'up' } });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const response = await api.http.get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/clients', '/users', '/audit', '/audit/verify', '/health']));
  });

  it('sets security headers', async () => {
    const response = await api.http.get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  describe('login', () => {
    it('returns a bearer token and the user for the right password', async () => {
      const response = await api.http.post('/auth/login').send(ADMIN).expect(200);
      expect(response.body).toEqual({ accessToken: expect.any(String), user: { id: expect.any(String), role: 'admin', clientId: null } });
    });

    it('refuses a wrong password and an unknown user alike, and audits both without the email', async () => {
      const wrong = await api.http.post('/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
      const unknown = await api.http.post('/auth/login').send({ email: 'nobody@example.test', password: 'whatever-password' }).expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is wrong', code: 'login_failed' });
      expect(unknown.body).toEqual(wrong.body);
      const denied = await api.http.get('/audit?action=auth.login').set('Authorization', `Bearer ${adminToken}`).expect(200);
      const reasons = denied.body.filter((e: { outcome: string }) => e.outcome === 'denied').map((e: { details: { reason: string } }) => e.details.reason);
      expect(reasons).toEqual(expect.arrayContaining(['wrong_password', 'unknown_user']));
      expect(JSON.stringify(denied.body)).not.toContain('nobody@example.test');
    });

    it('rejects a malformed body naming the field, and unknown fields', async () => {
      const response = await api.http.post('/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
      expect(response.body.message).toEqual(expect.arrayContaining(['email must be an email']));
      const extra = await api.http.post('/auth/login').send({ ...ADMIN, isAdmin: true }).expect(400);
      expect(extra.body.message).toEqual(['property isAdmin should not exist']);
    });
  });

  describe('roles', () => {
    it('refuses requests without a token', async () => {
      const response = await api.http.get('/clients').expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, message: 'Authentication required' });
    });

    it('refuses a forged token', async () => {
      await api.http.get('/clients').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.invalid').expect(401);
    });

    it('lets only admins manage clients and users, and audits each refusal', async () => {
      const { agent, clientUser } = await createClientWithUsers(api.http, adminToken);
      for (const token of [agent.token, clientUser.token]) {
        await api.http.post('/clients').set('Authorization', `Bearer ${token}`).send({ name: 'Sneaky' }).expect(403);
        await api.http.post('/users').set('Authorization', `Bearer ${token}`).send({ email: 'x@example.test', password: 'long-enough-pass', role: 'admin' }).expect(403);
      }
      await api.http.get('/audit/verify').set('Authorization', `Bearer ${agent.token}`).expect(403);
      const refusals = await api.http.get('/audit?action=access.denied').set('Authorization', `Bearer ${adminToken}`).expect(200);
      expect(refusals.body.length).toBeGreaterThanOrEqual(5);
    });

    it('requires a client for client users and refuses one for operator roles', async () => {
      const noClient = await api.http.post('/users').set('Authorization', `Bearer ${adminToken}`).send({ email: 'c@example.test', password: 'long-enough-pass', role: 'client' }).expect(400);
      expect(noClient.body.message).toBe('clientId is required for role client and not allowed for other roles');
      const dup = await api.http.post('/users').set('Authorization', `Bearer ${adminToken}`).send({ email: ADMIN.email.toUpperCase(), password: 'long-enough-pass', role: 'dpo' }).expect(409);
      expect(dup.body.code).toBe('email_taken');
    });
  });

  describe('ingest keys', () => {
    it('are shown once, stored only as a hash, and revocable', async () => {
      const { clientId } = await createClientWithUsers(api.http, adminToken, 'Keyed Ltd');
      const issued = await api.http.post(`/clients/${clientId}/ingest-keys`).set('Authorization', `Bearer ${adminToken}`).send({ label: 'pbx' }).expect(201);
      expect(issued.body.key).toMatch(/^cvik_[0-9a-f]{32}_/);
      const rows = await ownerQuery<{ secret_hash: string }>(env.config, 'SELECT secret_hash FROM ingest_keys WHERE id = $1', [issued.body.id]);
      expect(rows[0].secret_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect(rows[0].secret_hash).not.toContain(issued.body.key.split('_')[2]);
      const listed = await api.http.get(`/clients/${clientId}/ingest-keys`).set('Authorization', `Bearer ${adminToken}`).expect(200);
      expect(listed.body[0]).not.toHaveProperty('secretHash');
      await api.http.delete(`/clients/${clientId}/ingest-keys/${issued.body.id}`).set('Authorization', `Bearer ${adminToken}`).expect(204);
      await api.http.delete(`/clients/${clientId}/ingest-keys/${issued.body.id}`).set('Authorization', `Bearer ${adminToken}`).expect(404);
      const trail = await api.http.get(`/audit?subjectId=${issued.body.id}`).set('Authorization', `Bearer ${adminToken}`).expect(200);
      expect(trail.body.map((e: { action: string }) => e.action).sort()).toEqual(['ingest_key.issue', 'ingest_key.revoke']);
    });
  });

  describe('bootstrap admin', () => {
    it('is created once only, however often the API starts', async () => {
      const again = await startTestApi(env.config);
      await again.close();
      const admins = await ownerQuery<{ n: string }>(env.config, `SELECT count(*)::text AS n FROM users WHERE role = 'admin'`);
      expect(admins[0].n).toBe('1');
      const created = await ownerQuery<{ n: string }>(env.config, `SELECT count(*)::text AS n FROM audit_events WHERE action = 'user.create' AND actor_role = 'system'`);
      expect(created[0].n).toBe('1');
      await login(api.http, ADMIN.email, ADMIN.password);
    });
  });
});
