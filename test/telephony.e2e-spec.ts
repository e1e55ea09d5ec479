import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '#clock';
import { wavBytes } from './support/audio';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

const run = promisify(execFile);
const HOUR = 3_600_000;
const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const INTEGRATIONS = join(__dirname, '..', 'docs', 'integrations');

/** Issue 13, point 1: the phone system creates calls with its ingest key, by its own call id, and pushes recordings. */
describe('telephony: calls from the phone system', () => {
  const clock = new ManualClock(new Date());
  let s3: S3Endpoint;
  let env: TestEnvironment;
  let api: TestApi;
  let admin: string;
  let a: { clientId: string; key: string; client: string };
  let b: { clientId: string; key: string; client: string };
  let agent: { id: string; token: string };

  const user = async (role: string, clientId?: string) => {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(bearer(admin)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return { id: created.body.id as string, token: await login(api.http, email, PASSWORD) };
  };
  const party = async (name: string) => {
    const clientId: string = (await api.http.post('/clients').set(bearer(admin)).send({ name }).expect(201)).body.id;
    const key: string = (await api.http.post(`/clients/${clientId}/ingest-keys`).set(bearer(admin)).send({ label: 'pbx' }).expect(201)).body.key;
    return { clientId, key, client: (await user('client', clientId)).token };
  };
  const pbxCall = (key: string, body: Record<string, unknown>) =>
    api.http.post('/calls').set('X-Ingest-Key', key).send({ callerNumber: '+447700900111', startedAt: clock.now().toISOString(), ...body });
  const callRows = (clientId: string, externalRef: string) =>
    ownerQuery<{ id: string; agent_id: string | null; ingest_key_id: string | null; ended_at: Date | null }>(
      env.config,
      'SELECT id, agent_id, ingest_key_id, ended_at FROM calls WHERE client_id = $1 AND external_ref = $2',
      [clientId, externalRef],
    );

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config, { clock });
    admin = await loginAdmin(api.http);
    a = await party('Acme Plumbing');
    b = await party('Bravo Dental');
    agent = await user('agent');
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
    await s3?.stop();
  });

  it('creates a call once per external reference: 201, then 200 with the same call; concurrent creates give one call', async () => {
    const first = await pbxCall(a.key, { externalRef: '1733050000.1' }).expect(201);
    expect(first.body).toMatchObject({ clientId: a.clientId, externalRef: '1733050000.1', callerNumber: '+447700900111', endedAt: null, agentId: null, createdVia: 'ingest_key' });
    const again = await pbxCall(a.key, { externalRef: '1733050000.1', callerNumber: '+447700900999' }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, callerNumber: '+447700900111' });

    // A repeat that brings the end sets it once; a later, different end changes nothing.
    const endedAt = new Date(clock.now().getTime() + 150_000).toISOString();
    expect((await pbxCall(a.key, { externalRef: '1733050000.1', endedAt }).expect(200)).body).toMatchObject({ id: first.body.id, endedAt });
    const later = new Date(clock.now().getTime() + 600_000).toISOString();
    expect((await pbxCall(a.key, { externalRef: '1733050000.1', endedAt: later }).expect(200)).body.endedAt).toBe(endedAt);
    expect(await callRows(a.clientId, '1733050000.1')).toHaveLength(1);

    // Ten retries racing: one insert wins the unique index, the others answer with its call.
    const racing = await Promise.all(Array.from({ length: 10 }, () => pbxCall(a.key, { externalRef: 'race-7' })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(await callRows(a.clientId, 'race-7')).toEqual([expect.objectContaining({ id: racing[0].body.id, agent_id: null, ingest_key_id: expect.any(String) })]);

    // The same reference at another client is another call.
    const other = await pbxCall(b.key, { externalRef: '1733050000.1' }).expect(201);
    expect(other.body.id).not.toBe(first.body.id);

    // Each create and each repeat is audited by id, with no caller number.
    const events = await ownerQuery<{ action: string; actor_role: string; details: object }>(
      env.config,
      `SELECT action, actor_role, details FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [first.body.id],
    );
    expect(events.map((e) => e.action)).toEqual(['call.create', 'call.read', 'call.end', 'call.read', 'call.read']);
    expect(events.every((e) => e.actor_role === 'ingest_key')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/7700 ?900/);
  });

  it("checks a sent clientId against the key's client and validates the body with clear messages", async () => {
    expect((await pbxCall(a.key, { externalRef: 'own-client', clientId: a.clientId }).expect(201)).body.clientId).toBe(a.clientId);
    const mismatch = await pbxCall(a.key, { externalRef: 'foreign-client', clientId: b.clientId }).expect(403);
    expect(mismatch.body).toMatchObject({ code: 'client_mismatch', message: "clientId does not match the ingest key's client" });
    expect(await callRows(b.clientId, 'foreign-client')).toEqual([]);

    expect((await pbxCall(a.key, { externalRef: 'has space' }).expect(400)).body.message).toEqual(['externalRef must be 1-200 letters, digits or . _ : @ -']);
    expect((await pbxCall(a.key, { externalRef: 'x', callerNumber: 'anonymous' }).expect(400)).body.message).toEqual(['callerNumber must be a phone number or "withheld"']);
    expect((await pbxCall(a.key, { externalRef: 'withheld-1', callerNumber: 'withheld' }).expect(201)).body.callerNumber).toBe('withheld');
    const backwards = { externalRef: 'backwards', endedAt: new Date(clock.now().getTime() - 1000).toISOString() };
    expect((await pbxCall(a.key, backwards).expect(400)).body.message).toBe('endedAt must not be before startedAt');
    // An agent still names the client.
    const noClient = await api.http.post('/calls').set(bearer(agent.token)).send({ callerNumber: '+447700900111', startedAt: clock.now().toISOString() }).expect(400);
    expect(noClient.body.message).toBe('clientId is required');
    // A wrong or revoked key is not a key.
    await api.http.post('/calls').set('X-Ingest-Key', `${a.key.slice(0, -4)}AAAA`).send({ externalRef: 'bad-key', callerNumber: '+447700900111', startedAt: clock.now().toISOString() }).expect(401);
  });

  it('finds a call by external reference, uploads its recording with the same key, and never reaches another client', async () => {
    const created = (await pbxCall(a.key, { externalRef: 'find-me' }).expect(201)).body;
    const found = await api.http.get('/calls?externalRef=find-me').set('X-Ingest-Key', a.key).expect(200);
    expect(found.body).toEqual([expect.objectContaining({ id: created.id, externalRef: 'find-me', clientId: a.clientId })]);
    expect((await api.http.get('/calls?externalRef=no-such-call').set('X-Ingest-Key', a.key).expect(200)).body).toEqual([]);
    await api.http.get('/calls').set('X-Ingest-Key', a.key).expect(400);

    const audio = wavBytes(8192);
    const uploaded = await api.http.put(`/calls/${created.id}/recording`).set('X-Ingest-Key', a.key).set('Content-Type', 'audio/wav').send(audio).expect(201);
    expect(uploaded.body).toMatchObject({ callId: created.id, size: audio.length, status: 'stored' });
    const recordings = (await api.http.get('/recordings').set(bearer(a.client)).expect(200)).body;
    expect(recordings).toEqual(expect.arrayContaining([expect.objectContaining({ id: uploaded.body.id, callId: created.id, status: 'stored' })]));

    // Client B's key: A's call is not there to find, to upload onto, or to attach to.
    expect((await api.http.get('/calls?externalRef=find-me').set('X-Ingest-Key', b.key).expect(200)).body).toEqual([]);
    await api.http.get(`/calls?externalRef=find-me&clientId=${a.clientId}`).set('X-Ingest-Key', b.key).expect(403);
    const foreign = await api.http.post('/calls').set('X-Ingest-Key', b.key).send({ externalRef: 'b-only', callerNumber: '+447700900222', startedAt: clock.now().toISOString() }).expect(201);
    expect((await api.http.put(`/calls/${foreign.body.id}/recording`).set('X-Ingest-Key', a.key).set('Content-Type', 'audio/wav').send(wavBytes(4096)).expect(404)).body.message).toBe('Call not found');
    expect((await api.http.get('/calls?externalRef=b-only').set('X-Ingest-Key', a.key).expect(200)).body).toEqual([]);
    // Everything else is closed to a key: messages, lists, deliveries.
    await api.http.post(`/calls/${created.id}/messages`).set('X-Ingest-Key', a.key).send({ callerName: 'X', callerPhone: '+447700900111', body: 'x' }).expect(401);
    await api.http.get('/messages').set('X-Ingest-Key', a.key).expect(401);
    await api.http.get('/recordings').set('X-Ingest-Key', a.key).expect(401);
    await api.http.post('/deliveries').set('X-Ingest-Key', a.key).send({}).expect(401);
    const [{ n }] = await ownerQuery<{ n: number }>(env.config, 'SELECT count(*)::int AS n FROM recordings WHERE call_id = $1', [foreign.body.id]);
    expect(n).toBe(0);
  });

  it("lets the answering agent attach the caller's message to a phone-system call, within the agent's assignments and window", async () => {
    const call = (await pbxCall(a.key, { externalRef: 'answered-1' }).expect(201)).body;
    const message = { callerName: 'Jane Caller', callerPhone: '+447700900111', body: 'Boiler leaking, please call back', urgency: 'urgent' };

    // An agent serving A finds the call by its reference and attaches the message; it reads it back.
    expect((await api.http.get(`/calls?externalRef=answered-1&clientId=${a.clientId}`).set(bearer(agent.token)).expect(200)).body).toEqual([expect.objectContaining({ id: call.id })]);
    const added = await api.http.post(`/calls/${call.id}/messages`).set(bearer(agent.token)).send(message).expect(201);
    expect(added.body).toMatchObject({ callId: call.id, clientId: a.clientId, agentId: agent.id });
    const mine = (await api.http.get('/messages').set(bearer(agent.token)).expect(200)).body;
    expect(mine.map((m: { id: string }) => m.id)).toContain(added.body.id);
    expect((await api.http.get('/messages').set(bearer(a.client)).expect(200)).body.map((m: { id: string }) => m.id)).toContain(added.body.id);
    // Not someone else's call: another agent's call stays its own.
    const colleague = await user('agent');
    const theirs = (await api.http.post('/calls').set(bearer(colleague.token)).send({ clientId: a.clientId, callerNumber: '+447700900333', startedAt: clock.now().toISOString() }).expect(201)).body;
    await api.http.post(`/calls/${theirs.id}/messages`).set(bearer(agent.token)).send(message).expect(404);
    // An agent's create with a reference another agent's call holds is refused, not answered with that call.
    await api.http.post('/calls').set(bearer(colleague.token)).send({ clientId: a.clientId, externalRef: 'colleague-ref', callerNumber: '+447700900333', startedAt: clock.now().toISOString() }).expect(201);
    const taken = await api.http.post('/calls').set(bearer(agent.token)).send({ clientId: a.clientId, externalRef: 'colleague-ref', callerNumber: '+447700900111', startedAt: clock.now().toISOString() }).expect(409);
    expect(taken.body.code).toBe('external_ref_taken');

    // Restricted to client B, the agent no longer reaches A's phone-system calls.
    const restricted = await user('agent');
    await api.http.put(`/users/${restricted.id}/clients`).set(bearer(admin)).send({ clientIds: [b.clientId] }).expect(204);
    await api.http.post(`/calls/${call.id}/messages`).set(bearer(restricted.token)).send(message).expect(404);
    await api.http.get(`/calls?externalRef=answered-1&clientId=${a.clientId}`).set(bearer(restricted.token)).expect(404);

    // Outside the working window the call is out of reach for attaching.
    const old = (await pbxCall(a.key, { externalRef: 'answered-2' }).expect(201)).body;
    clock.advance(13 * HOUR);
    try {
      await api.http.post(`/calls/${old.id}/messages`).set(bearer(agent.token)).send(message).expect(404);
      expect((await api.http.get(`/calls?externalRef=answered-2&clientId=${a.clientId}`).set(bearer(agent.token)).expect(200)).body).toEqual([]);
    } finally {
      clock.advance(-13 * HOUR);
    }
    // The phone system itself can still find it.
    expect((await api.http.get('/calls?externalRef=answered-2').set('X-Ingest-Key', a.key).expect(200)).body).toHaveLength(1);
  });

  describe('the integration scripts in docs/integrations, run as written', () => {
    let dir: string;
    let url: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'callvault-pbx-'));
      url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    const script = (name: string, args: string[], extra: Record<string, string> = {}) =>
      run('bash', [join(INTEGRATIONS, name), ...args], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CALLVAULT_URL: url, CALLVAULT_INGEST_KEY: a.key, CALLVAULT_ENV_FILE: join(dir, 'none.env'), ...extra },
      });
    const expectStored = async (externalRef: string, file: Buffer, callerNumber: string) => {
      const [call] = (await api.http.get(`/calls?externalRef=${externalRef}`).set('X-Ingest-Key', a.key).expect(200)).body;
      expect(call).toMatchObject({ externalRef, callerNumber, endedAt: expect.any(String), createdVia: 'ingest_key' });
      const recordings = (await api.http.get('/recordings?limit=200').set(bearer(a.client)).expect(200)).body;
      expect(recordings.filter((r: { callId: string }) => r.callId === call.id)).toEqual([expect.objectContaining({ status: 'stored', size: file.length })]);
      return call;
    };

    it('Asterisk MixMonitor post-command: creates the call, uploads the recording, and a re-run is harmless', async () => {
      const file = join(dir, '1733051111.17.wav');
      const audio = wavBytes(20_000);
      await writeFile(file, audio);
      const start = String(Math.floor(Date.now() / 1000) - 95);
      const first = await script('asterisk-mixmonitor.sh', ['1733051111.17', '07700 900444', start, file]);
      expect(first.stdout).toMatch(/^callvault: call 1733051111\.17 stored as [0-9a-f-]{36}\n$/);
      const call = await expectStored('1733051111.17', audio, '07700 900444');
      expect(new Date(call.startedAt).getTime()).toBe(Number(start) * 1000);
      // Asterisk retried the post-command: same call, recording already there (409 counts as done).
      await script('asterisk-mixmonitor.sh', ['1733051111.17', '07700 900444', start, file]);
      expect(await callRows(a.clientId, '1733051111.17')).toHaveLength(1);
    });

    it('FreeSWITCH hangup hook: a withheld caller, the file removed once CallVault holds it', async () => {
      const uuid = 'f3b0c1d2-1111-4222-8333-944455566677';
      const file = join(dir, `${uuid}.wav`);
      const audio = wavBytes(12_000);
      await writeFile(file, audio);
      const end = Math.floor(Date.now() / 1000);
      await script('freeswitch-hangup.sh', [uuid, 'anonymous', String(end - 61), String(end), file], { CALLVAULT_DELETE_AFTER_UPLOAD: '1' });
      const call = await expectStored(uuid, audio, 'withheld');
      expect(new Date(call.endedAt).getTime() - new Date(call.startedAt).getTime()).toBe(61_000);
      await expect(run('test', ['-e', file])).rejects.toBeDefined();
    });

    it('fails loudly (non-zero, no call) with a wrong key, so the phone system retries later', async () => {
      const file = join(dir, 'wrong-key.wav');
      await writeFile(file, wavBytes(4096));
      const failed = await script('callvault-push.sh', ['wrong-key-1', '+447700900555', '1733050000', '1733050060', file], { CALLVAULT_INGEST_KEY: b.key.replace(/.$/, 'x') }).catch((e) => e);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('creating call wrong-key-1 answered 401');
      expect(await callRows(a.clientId, 'wrong-key-1')).toEqual([]);
      await expect(run('test', ['-e', file])).resolves.toBeDefined();
    });
  });
});
