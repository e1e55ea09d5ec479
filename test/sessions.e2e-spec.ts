import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ManualClock } from '#clock';
import { UserErasure } from '#identity';
import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';
import { createClientWithUsers, login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('sessions that end', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));

  async function newUser(role: 'agent' | 'dpo' | 'client', clientId?: string) {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(bearer(adminToken)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return { id: created.body.id as string, email };
  }

  /** Whether a token still authenticates (GET /messages answers every role other than with 401). */
  const works = async (token: string) => (await api.http.get('/messages').set(bearer(token))).status !== 401;

  beforeAll(async () => {
    env = await createTestEnvironment({ PASSWORD_RESET_TTL_MINUTES: '30' });
    api = await startTestApi(env.config, { clock });
    adminToken = await loginAdmin(api.http);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('logout ends that session at once and no other', async () => {
    const agent = await newUser('agent');
    const first = await login(api.http, agent.email, PASSWORD);
    const second = await login(api.http, agent.email, PASSWORD);
    expect(await works(first)).toBe(true);
    await api.http.post('/auth/logout').set(bearer(first)).expect(204);
    const refused = await api.http.get('/messages').set(bearer(first)).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, message: 'Authentication required' });
    expect(await works(second)).toBe(true);
    await api.http.post('/auth/logout').set(bearer(first)).expect(401);
    const rows = await ownerQuery<{ end_reason: string }>(env.config, `SELECT end_reason FROM user_sessions WHERE user_id = $1 AND ended_at IS NOT NULL`, [agent.id]);
    expect(rows.map((r) => r.end_reason)).toEqual(['logout']);
  });

  it('disabling a user ends every token at once and stops sign-in; enabling lets them sign in again', async () => {
    const agent = await newUser('agent');
    const tokens = [await login(api.http, agent.email, PASSWORD), await login(api.http, agent.email, PASSWORD)];
    for (const token of tokens) expect(await works(token)).toBe(true);
    const disabled = await api.http.post(`/users/${agent.id}/disable`).set(bearer(adminToken)).expect(200);
    expect(disabled.body).toMatchObject({ id: agent.id, disabledAt: expect.any(String), totpEnrolled: false });
    expect(disabled.body).not.toHaveProperty('passwordHash');
    for (const token of tokens) await api.http.get('/messages').set(bearer(token)).expect(401);
    await api.http.post('/auth/login').send({ email: agent.email, password: PASSWORD }).expect(401);
    await api.http.post(`/users/${agent.id}/enable`).set(bearer(adminToken)).expect(200);
    for (const token of tokens) await api.http.get('/messages').set(bearer(token)).expect(401); // ended stays ended
    expect(await works(await login(api.http, agent.email, PASSWORD))).toBe(true);
    const trail = await api.http.get(`/audit?subjectId=${agent.id}`).set(bearer(adminToken)).expect(200);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('an admin cannot disable their own account, and only admins disable', async () => {
    const me = await api.http.get('/users').set(bearer(adminToken)).expect(200);
    const adminId = me.body.find((u: { email: string }) => u.email === ADMIN.email).id;
    const refused = await api.http.post(`/users/${adminId}/disable`).set(bearer(adminToken)).expect(409);
    expect(refused.body.code).toBe('cannot_disable_self');
    const agent = await newUser('agent');
    await api.http.post(`/users/${adminId}/disable`).set(bearer(await login(api.http, agent.email, PASSWORD))).expect(403);
    await api.http.post(`/users/00000000-0000-4000-8000-000000000000/disable`).set(bearer(adminToken)).expect(404);
  });

  it('a password change ends every session of the account, the current one included', async () => {
    const agent = await newUser('agent');
    const other = await login(api.http, agent.email, PASSWORD);
    const current = await login(api.http, agent.email, PASSWORD);
    const wrong = await api.http.post('/auth/password').set(bearer(current)).send({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' }).expect(403);
    expect(wrong.body.code).toBe('current_password_wrong');
    const short = await api.http.post('/auth/password').set(bearer(current)).send({ currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
    expect(short.body.message).toEqual(['newPassword must be longer than or equal to 12 characters']);
    await api.http.post('/auth/password').set(bearer(current)).send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-password' }).expect(204);
    await api.http.get('/messages').set(bearer(current)).expect(401);
    await api.http.get('/messages').set(bearer(other)).expect(401);
    await api.http.post('/auth/login').send({ email: agent.email, password: PASSWORD }).expect(401);
    expect(await works(await login(api.http, agent.email, 'a-brand-new-password'))).toBe(true);
  });

  describe('admin-issued password resets', () => {
    it('are shown once, stored as a keyed hash, work once, and end every session', async () => {
      const agent = await newUser('agent');
      const before = await login(api.http, agent.email, PASSWORD);
      const issued = await api.http.post(`/users/${agent.id}/password-reset`).set(bearer(adminToken)).expect(201);
      expect(issued.body).toEqual({ token: expect.stringMatching(/^cvpr_[A-Za-z0-9_-]{43}$/), expiresAt: '2026-06-01T09:30:00.000Z' });
      const stored = await ownerQuery<{ token_hash: string }>(env.config, `SELECT token_hash FROM password_reset_tokens WHERE user_id = $1`, [agent.id]);
      expect(stored[0].token_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect(stored[0].token_hash).not.toContain(issued.body.token.slice(5));
      await api.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: 'reset-password-one' }).expect(204);
      await api.http.get('/messages').set(bearer(before)).expect(401);
      expect(await works(await login(api.http, agent.email, 'reset-password-one'))).toBe(true);
      const again = await api.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: 'reset-password-two' }).expect(400);
      expect(again.body.code).toBe('reset_token_invalid');
    });

    it('expire after PASSWORD_RESET_TTL_MINUTES, and a newer one replaces an unused older one', async () => {
      const agent = await newUser('agent');
      const start = clock.now();
      try {
        const old = await api.http.post(`/users/${agent.id}/password-reset`).set(bearer(adminToken)).expect(201);
        const fresh = await api.http.post(`/users/${agent.id}/password-reset`).set(bearer(adminToken)).expect(201);
        expect((await api.http.post('/auth/password-reset').send({ token: old.body.token, newPassword: 'never-accepted-pw' }).expect(400)).body.code).toBe('reset_token_invalid');
        clock.advance(30 * 60_000 + 1000);
        await api.http.post('/auth/password-reset').send({ token: fresh.body.token, newPassword: 'never-accepted-pw' }).expect(400);
        await login(api.http, agent.email, PASSWORD);
      } finally {
        clock.set(start);
      }
    });

    it('are refused for a disabled account and for anyone but an admin', async () => {
      const agent = await newUser('agent');
      const agentToken = await login(api.http, agent.email, PASSWORD);
      await api.http.post(`/users/${agent.id}/password-reset`).set(bearer(agentToken)).expect(403);
      await api.http.post(`/users/${agent.id}/disable`).set(bearer(adminToken)).expect(200);
      expect((await api.http.post(`/users/${agent.id}/password-reset`).set(bearer(adminToken)).expect(409)).body.code).toBe('user_disabled');
    });
  });

  it('erasing a user ends their tokens at once', async () => {
    const { clientId } = await createClientWithUsers(api.http, adminToken, 'Erasable Ltd');
    const user = await newUser('client', clientId);
    const token = await login(api.http, user.email, PASSWORD);
    expect(await works(token)).toBe(true);
    // The same path the DPO's erasure and the retention sweep take.
    await api.app.get(DataSource).transaction((tx) => api.app.get(UserErasure).anonymise(tx, [user.id], clock.now()));
    await api.http.get('/messages').set(bearer(token)).expect(401);
    await api.http.post('/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
    expect((await api.http.post(`/users/${user.id}/enable`).set(bearer(adminToken)).expect(409)).body.code).toBe('user_erased');
  });

  it('refuses a token without a session (as issued before sessions existed)', async () => {
    const me = (await api.http.get('/users').set(bearer(adminToken)).expect(200)).body.find((u: { email: string }) => u.email === ADMIN.email);
    const legacy = await api.app.get(JwtService).signAsync({ sub: me.id, role: 'admin', cid: null });
    await api.http.get('/users').set(bearer(legacy)).expect(401);
  });

  describe('reads of operator records and the break-glass reason', () => {
    it('audits GET /clients, /clients/:id, /users and /break-glass', async () => {
      const { clientId } = await createClientWithUsers(api.http, adminToken, 'Read Audit Ltd');
      const dpo = await newUser('dpo');
      const dpoToken = await login(api.http, dpo.email, PASSWORD);
      await api.http.get('/clients').set(bearer(adminToken)).expect(200);
      await api.http.get(`/clients/${clientId}`).set(bearer(adminToken)).expect(200);
      await api.http.get('/users').set(bearer(adminToken)).expect(200);
      await api.http.get('/break-glass').set(bearer(dpoToken)).expect(200);
      const events = await ownerQuery<{ action: string; actor_role: string; client_id: string | null }>(
        env.config,
        `SELECT action, actor_role, client_id FROM audit_events WHERE action IN ('client.list', 'client.read', 'user.list', 'break_glass.list') ORDER BY id`,
      );
      expect(events).toEqual(
        expect.arrayContaining([
          { action: 'client.list', actor_role: 'admin', client_id: null },
          { action: 'client.read', actor_role: 'admin', client_id: clientId },
          { action: 'user.list', actor_role: 'admin', client_id: null },
          { action: 'break_glass.list', actor_role: 'dpo', client_id: null },
        ]),
      );
    });

    it("shows the DPO's break-glass reason in the client's own audit trail", async () => {
      const { clientId, clientUser } = await createClientWithUsers(api.http, adminToken, 'Glass Works Ltd');
      const dpo = await newUser('dpo');
      const dpoToken = await login(api.http, dpo.email, PASSWORD);
      const reason = 'Regulator inquiry 2026-114 about a complaint handled on 12 May';
      const grant = await api.http.post('/break-glass').set(bearer(dpoToken)).send({ clientId, reason, durationMinutes: 30 }).expect(201);
      const trail = await api.http.get('/audit?action=break_glass.open').set(bearer(clientUser.token)).expect(200);
      expect(trail.body).toEqual([expect.objectContaining({ subjectId: grant.body.id, clientId, breakGlassReason: reason })]);
      // The reason stays out of the immutable chain (it may be erased with the grant).
      const stored = await ownerQuery<{ canonical: string }>(env.config, `SELECT canonical FROM audit_events WHERE subject_id = $1`, [grant.body.id]);
      expect(stored[0].canonical).not.toContain('Regulator inquiry');
    });
  });
});
