import { generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '#clock';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

const HOUR = 3_600_000;
const PASSWORD = 'a-long-test-password';

interface Party {
  clientId: string;
  client: string;
  agent: string;
  agentId: string;
}

describe('calls and caller messages', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let admin: string;
  const clock = new ManualClock(new Date());
  let a: Party;
  let b: Party;
  let otherAgent: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function user(role: string, clientId?: string): Promise<{ token: string; id: string }> {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(auth(admin)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return { token: await login(api.http, email, PASSWORD), id: created.body.id };
  }

  async function party(name: string): Promise<Party> {
    const created = await api.http
      .post('/clients')
      .set(auth(admin))
      .send({
        name,
        instructions: {
          intakeFields: [
            { name: 'account_number', type: 'string', required: true },
            { name: 'units', type: 'number', required: false },
            { name: 'visit_on', type: 'date', required: false },
          ],
        },
      })
      .expect(201);
    const clientId: string = created.body.id;
    const agent = await user('agent');
    return { clientId, client: (await user('client', clientId)).token, agent: agent.token, agentId: agent.id };
  }

  const newCall = (token: string, clientId: string) =>
    api.http.post('/calls').set(auth(token)).send({ clientId, callerNumber: '+44 20 7946 0018', startedAt: clock.now().toISOString() });

  const message = (overrides: Record<string, unknown> = {}) => ({
    callerName: 'Jane Caller',
    callerPhone: '+44 20 7946 0018',
    callerEmail: 'jane.caller@example.test',
    body: 'Boiler leaking, please call back',
    customFields: { account_number: 'ACC-991' },
    ...overrides,
  });

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    admin = await loginAdmin(api.http);
    a = await party('Acme Plumbing');
    b = await party('Bravo Dentists');
    otherAgent = (await user('agent')).token;
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('lets an agent log a call and a message, audited with ids and the instructions version only', async () => {
    const call = await newCall(a.agent, a.clientId).expect(201);
    expect(call.body).toMatchObject({ id: expect.any(String), clientId: a.clientId, agentId: a.agentId, instructionsVersion: 1, endedAt: null });
    expect(call.body.createdAt).toBe(clock.now().toISOString()); // time comes from the injected clock
    const msg = await api.http
      .post(`/calls/${call.body.id}/messages`)
      .set(auth(a.agent))
      .send(message({ urgency: 'urgent', callbackRequested: true, customFields: { account_number: 'ACC-1', units: 2, visit_on: '2026-12-01' } }))
      .expect(201);
    expect(msg.body).toMatchObject({
      callId: call.body.id,
      clientId: a.clientId,
      urgency: 'urgent',
      callbackRequested: true,
      customFields: { account_number: 'ACC-1', units: 2, visit_on: '2026-12-01' },
      instructionsVersion: 1,
    });

    const events = await ownerQuery<{ action: string; details: Record<string, unknown>; canonical: string; client_id: string }>(
      env.config,
      `SELECT action, details, canonical, client_id FROM audit_events WHERE subject_id IN ($1, $2) ORDER BY seq`,
      [call.body.id, msg.body.id],
    );
    expect(events.map((e) => e.action)).toEqual(['call.create', 'message.create']);
    expect(events.every((e) => e.details.instructionsVersion === 1 && e.client_id === a.clientId)).toBe(true);
    const text = JSON.stringify(events);
    for (const secret of ['Jane', '7946', 'jane.caller', 'Boiler', 'ACC-1']) expect(text).not.toContain(secret);
  });

  it('defaults urgency and callbackRequested', async () => {
    const call = await newCall(a.agent, a.clientId).expect(201);
    const msg = await api.http.post(`/calls/${call.body.id}/messages`).set(auth(a.agent)).send(message()).expect(201);
    expect(msg.body).toMatchObject({ urgency: 'normal', callbackRequested: false });
  });

  describe('intake validation against the client\'s instructions', () => {
    let callId: string;
    beforeAll(async () => {
      callId = (await newCall(a.agent, a.clientId).expect(201)).body.id;
    });

    it('names an unknown custom field', async () => {
      const res = await api.http.post(`/calls/${callId}/messages`).set(auth(a.agent)).send(message({ customFields: { account_number: 'X', shoe_size: 44 } })).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'intake_invalid' });
      expect(res.body.message).toContain('customFields.shoe_size');
    });

    it('names a missing required field', async () => {
      const res = await api.http.post(`/calls/${callId}/messages`).set(auth(a.agent)).send(message({ customFields: {} })).expect(400);
      expect(res.body.message).toBe('customFields.account_number is required');
      await api.http.post(`/calls/${callId}/messages`).set(auth(a.agent)).send(message({ customFields: undefined })).expect(400);
    });

    it('refuses a wrong type without echoing the value', async () => {
      const res = await api.http.post(`/calls/${callId}/messages`).set(auth(a.agent)).send(message({ customFields: { account_number: 'X', units: 'lots-of-units' } })).expect(400);
      expect(res.body.message).toBe('customFields.units must be a number');
      expect(JSON.stringify(res.body)).not.toContain('lots-of-units');
    });

    it('validates the standard fields too', async () => {
      const res = await api.http.post(`/calls/${callId}/messages`).set(auth(a.agent)).send(message({ urgency: 'panic', callerEmail: 'nope' })).expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining(['callerEmail must be an email', 'urgency must be one of the following values: normal, urgent']));
    });

    it('takes each message under the version in force when it is logged: a new version applies at once', async () => {
      const c = await party('Charlie Heating');
      const call = (await newCall(c.agent, c.clientId).expect(201)).body.id;
      const post = (customFields: Record<string, string>) => api.http.post(`/calls/${call}/messages`).set(auth(c.agent)).send(message({ customFields }));
      expect((await post({ account_number: 'C-1' }).expect(201)).body.instructionsVersion).toBe(1);
      await api.http
        .post(`/clients/${c.clientId}/instructions`)
        .set(auth(admin))
        .send({ intakeFields: [{ name: 'account_number', type: 'string', required: true }, { name: 'boiler_model', type: 'string', required: true }] })
        .expect(201);
      expect((await post({ account_number: 'C-2' }).expect(400)).body.message).toBe('customFields.boiler_model is required');
      expect((await post({ account_number: 'C-2', boiler_model: 'Worcester' }).expect(201)).body.instructionsVersion).toBe(2);
    });

    it('stores nothing for a refused message', async () => {
      const rows = await ownerQuery(env.config, 'SELECT 1 FROM caller_messages WHERE call_id = $1', [callId]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('who may capture', () => {
    it('refuses client users and admins', async () => {
      await newCall(a.client, a.clientId).expect(403);
      await newCall(admin, a.clientId).expect(403);
    });

    it('refuses an unknown client', async () => {
      await newCall(a.agent, '00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses a message on another agent\'s call, as not found', async () => {
      const call = await newCall(a.agent, a.clientId).expect(201);
      const res = await api.http.post(`/calls/${call.body.id}/messages`).set(auth(otherAgent)).send(message()).expect(404);
      expect(res.body.message).toBe('Call not found');
      const denied = await ownerQuery<{ details: { reason: string } }>(env.config, `SELECT details FROM audit_events WHERE subject_id = $1 AND outcome = 'denied'`, [call.body.id]);
      expect(denied.map((e) => e.details.reason)).toEqual(['not_own_call']);
    });

    it('refuses an agent restricted to other clients', async () => {
      const restricted = await user('agent');
      await api.http.put(`/users/${restricted.id}/clients`).set(auth(admin)).send({ clientIds: [b.clientId] }).expect(204);
      await newCall(restricted.token, a.clientId).expect(404);
      await newCall(restricted.token, b.clientId).expect(201);
    });

    it('answers a message for another client\'s call exactly like one for a call that does not exist', async () => {
      const call = await newCall(a.agent, a.clientId).expect(201);
      const restricted = await user('agent');
      await api.http.put(`/users/${restricted.id}/clients`).set(auth(admin)).send({ clientIds: [b.clientId] }).expect(204);
      const foreign = await api.http.post(`/calls/${call.body.id}/messages`).set(auth(restricted.token)).send(message()).expect(404);
      const missing = await api.http.post('/calls/00000000-0000-4000-8000-000000000000/messages').set(auth(restricted.token)).send(message()).expect(404);
      expect(foreign.body).toEqual(missing.body);
    });
  });

  describe('reading messages', () => {
    let aMessage: string;
    let bMessage: string;

    beforeAll(async () => {
      const callA = await newCall(a.agent, a.clientId).expect(201);
      aMessage = (await api.http.post(`/calls/${callA.body.id}/messages`).set(auth(a.agent)).send(message()).expect(201)).body.id;
      const callB = await newCall(b.agent, b.clientId).expect(201);
      bMessage = (await api.http.post(`/calls/${callB.body.id}/messages`).set(auth(b.agent)).send(message({ customFields: { account_number: 'B-1' } })).expect(201)).body.id;
    });

    it('gives a client user all of its own client\'s messages and none of another\'s', async () => {
      const res = await api.http.get('/messages').set(auth(a.client)).expect(200);
      const ids = res.body.map((m: { id: string }) => m.id);
      expect(ids).toContain(aMessage);
      expect(ids).not.toContain(bMessage);
      expect(res.body.every((m: { clientId: string }) => m.clientId === a.clientId)).toBe(true);
      await api.http.get(`/messages?clientId=${b.clientId}`).set(auth(a.client)).expect(404);
    });

    it('gives an agent only what it logged, across clients', async () => {
      const res = await api.http.get('/messages').set(auth(b.agent)).expect(200);
      expect(res.body.map((m: { id: string }) => m.id)).toEqual([bMessage]);
      const none = await api.http.get('/messages').set(auth(otherAgent)).expect(200);
      expect(none.body).toEqual([]);
    });

    it('refuses caller content to admins (audited)', async () => {
      const res = await api.http.get(`/messages?clientId=${a.clientId}`).set(auth(admin)).expect(403);
      expect(res.body.message).toBe('Admins have no access to caller content');
    });

    it('audits each list and every message it returned', async () => {
      await api.http.get('/messages').set(auth(b.client)).expect(200);
      const reads = await ownerQuery<{ action: string; subject_id: string | null; details: Record<string, unknown> }>(
        env.config,
        `SELECT action, subject_id, details FROM audit_events WHERE client_id = $1 AND action IN ('message.list', 'message.read') AND actor_role = 'client' ORDER BY seq DESC LIMIT 2`,
        [b.clientId],
      );
      expect(reads).toEqual(
        expect.arrayContaining([
          { action: 'message.list', subject_id: null, details: { count: 1, instructionsVersion: 1 } },
          { action: 'message.read', subject_id: bMessage, details: { instructionsVersion: 1, via: 'list' } },
        ]),
      );
    });

    it('pages newest first with limit and before', async () => {
      const all = (await api.http.get('/messages?limit=200').set(auth(a.client)).expect(200)).body.map((m: { id: string }) => m.id);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const first = (await api.http.get('/messages?limit=2').set(auth(a.client)).expect(200)).body.map((m: { id: string }) => m.id);
      const second = (await api.http.get(`/messages?limit=2&before=${first[1]}`).set(auth(a.client)).expect(200)).body.map((m: { id: string }) => m.id);
      expect([...first, ...second]).toEqual(all.slice(0, 4));
      await api.http.get(`/messages?before=${bMessage}`).set(auth(a.client)).expect(400);
    });

    it('closes the agent\'s working window after 12 hours (client users keep reading)', async () => {
      const start = clock.now();
      const call = await newCall(a.agent, a.clientId).expect(201);
      const msg = await api.http.post(`/calls/${call.body.id}/messages`).set(auth(a.agent)).send(message()).expect(201);
      try {
        clock.advance(11 * HOUR);
        expect((await api.http.get('/messages').set(auth(a.agent)).expect(200)).body.map((m: { id: string }) => m.id)).toContain(msg.body.id);
        clock.advance(2 * HOUR);
        expect((await api.http.get('/messages').set(auth(a.agent)).expect(200)).body).toEqual([]);
        await api.http.post(`/calls/${call.body.id}/messages`).set(auth(a.agent)).send(message()).expect(404);
        expect((await api.http.get('/messages').set(auth(a.client)).expect(200)).body.map((m: { id: string }) => m.id)).toContain(msg.body.id);
      } finally {
        clock.set(start);
      }
    });
  });

  describe('client public keys', () => {
    const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

    it('registers a validated RSA-3072 key with its fingerprint, audited; the client reads its own', async () => {
      const res = await api.http.put(`/clients/${a.clientId}/public-key`).set(auth(admin)).send({ pem: rsa(3072) }).expect(200);
      expect(res.body).toMatchObject({ clientId: a.clientId, kind: 'public-key', bits: 3072, fingerprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const own = await api.http.get(`/clients/${a.clientId}/public-key`).set(auth(a.client)).expect(200);
      expect(own.body.fingerprintSha256).toBe(res.body.fingerprintSha256);
      await api.http.get(`/clients/${a.clientId}/public-key`).set(auth(b.client)).expect(404);
      await api.http.put(`/clients/${a.clientId}/public-key`).set(auth(a.client)).send({ pem: rsa(3072) }).expect(403);
      const events = await ownerQuery<{ action: string }>(env.config, `SELECT action FROM audit_events WHERE action LIKE 'client.public_key.%' AND client_id = $1`, [a.clientId]);
      expect(events.map((e) => e.action)).toEqual(['client.public_key.register']);
    });

    it('refuses short keys and private keys with a clear 400', async () => {
      const short = await api.http.put(`/clients/${b.clientId}/public-key`).set(auth(admin)).send({ pem: rsa(2048) }).expect(400);
      expect(short.body).toMatchObject({ code: 'public_key_invalid', message: 'RSA key is 2048 bits; at least 3072 required' });
      const priv = generateKeyPairSync('rsa', { modulusLength: 3072 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const refused = await api.http.put(`/clients/${b.clientId}/public-key`).set(auth(admin)).send({ pem: priv }).expect(400);
      expect(refused.body.message).toContain('PRIVATE key');
    });
  });
});
