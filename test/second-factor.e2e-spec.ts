import { ManualClock } from '#clock';
import { loadConfig } from '#config';
import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';
import { ownerQuery, startTestApi, TestApi } from './support/test-app';
import { totpAt } from './support/totp';

const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });


describe('second factor (TOTP) for admins and the DPO', () => {
  let env: TestEnvironment;
  let api: TestApi;
  const clock = new ManualClock(new Date('2026-06-01T09:00:10Z'));
  let adminSecret = '';

  /** Enrols the account behind an enrolment-only token; returns the secret and recovery codes. */
  async function enrol(token: string) {
    const started = await api.http.post('/auth/totp/enrol').set(bearer(token)).expect(201);
    const confirmed = await api.http.post('/auth/totp/confirm').set(bearer(token)).send({ code: totpAt(started.body.secret, clock.now()) }).expect(200);
    return { secret: started.body.secret as string, otpauthUrl: started.body.otpauthUrl as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ TOTP_REQUIRED: 'true' });
    api = await startTestApi(env.config, { clock });
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('is required in production', () => {
    const production = { NODE_ENV: 'production', MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), JWT_SECRET: 'x'.repeat(40), DATABASE_APP_URL: 'postgres://callvault_runtime:secret@127.0.0.1:5432/callvault' };
    expect(loadConfig(production).totpRequired).toBe(true);
    expect(loadConfig({ ...production, NODE_ENV: 'development' }).totpRequired).toBe(false);
  });

  it('an admin without one gets a token that can only enrol, with a clear answer everywhere else', async () => {
    const signIn = await api.http.post('/auth/login').send(ADMIN).expect(200);
    expect(signIn.body).toEqual({ accessToken: expect.any(String), user: expect.objectContaining({ role: 'admin' }), totpEnrolmentRequired: true });
    const refused = await api.http.get('/users').set(bearer(signIn.body.accessToken)).expect(403);
    expect(refused.body).toMatchObject({ code: 'totp_enrolment_required', message: expect.stringContaining('POST /auth/totp/enrol') });
    const health = await api.http.get('/health').set(bearer(signIn.body.accessToken)).expect(200);
    expect(health.body).toEqual({ status: 'ok' }); // no details for a session that may only enrol

    const wrong = await api.http.post('/auth/totp/enrol').set(bearer(signIn.body.accessToken)).expect(201);
    expect(wrong.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/CallVault:.+\?secret=[A-Z2-7]+&issuer=CallVault$/);
    const bad = await api.http.post('/auth/totp/confirm').set(bearer(signIn.body.accessToken)).send({ code: totpAt(wrong.body.secret, new Date(clock.now().getTime() + 600_000)) }).expect(400);
    expect(bad.body.code).toBe('totp_invalid');

    const { secret, recoveryCodes } = await enrol(signIn.body.accessToken);
    adminSecret = secret;
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // The enrolment-only session ended with the confirmation.
    await api.http.post('/auth/totp/enrol').set(bearer(signIn.body.accessToken)).expect(401);

    const stored = await ownerQuery<{ totp_secret: Buffer }>(env.config, `SELECT totp_secret FROM users WHERE email = $1`, [ADMIN.email]);
    expect(stored[0].totp_secret.toString('latin1')).not.toContain(secret);
    const hashes = await ownerQuery<{ code_hash: string }>(env.config, `SELECT code_hash FROM user_recovery_codes c JOIN users u ON u.id = c.user_id WHERE u.email = $1`, [ADMIN.email]);
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(code_hash).toMatch(/^\$argon2id\$/);

    // From now on: password and a code.
    clock.advance(30_000);
    const needsCode = await api.http.post('/auth/login').send(ADMIN).expect(401);
    expect(needsCode.body.code).toBe('totp_required');
    const code = totpAt(secret, clock.now());
    const full = await api.http.post('/auth/login').send({ ...ADMIN, totp: code }).expect(200);
    expect(full.body).not.toHaveProperty('totpEnrolmentRequired');
    await api.http.get('/users').set(bearer(full.body.accessToken)).expect(200);
    // The same code twice is refused (replay), a later one works.
    expect((await api.http.post('/auth/login').send({ ...ADMIN, totp: code }).expect(401)).body.code).toBe('second_factor_invalid');
    clock.advance(30_000);
    await api.http.post('/auth/login').send({ ...ADMIN, totp: totpAt(secret, clock.now()) }).expect(200);

    // A recovery code works once, typed in any case.
    await api.http.post('/auth/login').send({ ...ADMIN, recoveryCode: recoveryCodes[0].toLowerCase() }).expect(200);
    await api.http.post('/auth/login').send({ ...ADMIN, recoveryCode: recoveryCodes[0] }).expect(401);
    const audit = await api.http.get('/audit?action=auth.login').set(bearer(full.body.accessToken)).expect(200);
    expect(audit.body.map((e: { details: { secondFactor?: string } }) => e.details.secondFactor)).toEqual(expect.arrayContaining(['totp', 'recovery_code']));
    expect(JSON.stringify(audit.body)).not.toContain(secret);
  });

  it('applies to the DPO, not to other roles; an admin can remove a lost factor', async () => {
    clock.advance(60_000);
    const admin = await api.http.post('/auth/login').send({ ...ADMIN, totp: totpAt(adminSecret, clock.now()) }).expect(200);
    const adminToken = admin.body.accessToken;
    const dpo = { email: 'dpo.totp@example.test', password: PASSWORD };
    const agent = { email: 'agent.totp@example.test', password: PASSWORD };
    const dpoId = (await api.http.post('/users').set(bearer(adminToken)).send({ ...dpo, role: 'dpo' }).expect(201)).body.id;
    await api.http.post('/users').set(bearer(adminToken)).send({ ...agent, role: 'agent' }).expect(201);

    const agentSignIn = await api.http.post('/auth/login').send(agent).expect(200);
    expect(agentSignIn.body).not.toHaveProperty('totpEnrolmentRequired');
    await api.http.post('/auth/totp/enrol').set(bearer(agentSignIn.body.accessToken)).expect(403);

    const dpoSignIn = await api.http.post('/auth/login').send(dpo).expect(200);
    expect(dpoSignIn.body.totpEnrolmentRequired).toBe(true);
    await api.http.get('/break-glass').set(bearer(dpoSignIn.body.accessToken)).expect(403);
    const { secret } = await enrol(dpoSignIn.body.accessToken);
    clock.advance(30_000);
    const dpoToken = (await api.http.post('/auth/login').send({ ...dpo, totp: totpAt(secret, clock.now()) }).expect(200)).body.accessToken;
    await api.http.get('/break-glass').set(bearer(dpoToken)).expect(200);

    const reset = await api.http.delete(`/users/${dpoId}/totp`).set(bearer(adminToken)).expect(200);
    expect(reset.body.totpEnrolled).toBe(false);
    await api.http.get('/break-glass').set(bearer(dpoToken)).expect(401);
    expect((await api.http.post('/auth/login').send(dpo).expect(200)).body.totpEnrolmentRequired).toBe(true);
  });
});
