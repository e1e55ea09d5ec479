import { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '#clock';
import { DeletionScheduler } from '#deliveries';
import type { Manifest, ReceiptSweepResult } from '#deliveries';
import { ObjectStorage } from '#storage';
import { basic, bearer, callWithRecording, createParty, eventually, KiB, MiB, Party, postReceipt, requestDownload, sha256, unzip, uploadRecording } from './support/deliveries-helpers';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MINUTE = 60_000;

/**
 * Issue 9: only the client receives caller data, and a recording is deleted only once its client has
 * it (confirmed receipt, or the client's receipt window passed), never what a restriction holds back.
 */
describe('deliveries: confirmed receipt, operator staff, restrictions (issue 9)', () => {
  let s3: S3Endpoint;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let storage: ObjectStorage;
  let admin: string;
  let party: Party;
  const clock = new ManualClock(new Date());

  const deliveryRow = async (id: string) =>
    (await ownerQuery<{ status: string; consumed_at: Date | null; consumed_by: string | null; password_hash: string | null }>(env.config, 'SELECT * FROM deliveries WHERE id = $1', [id]))[0];
  const recording = async (id: string) => (await ownerQuery<{ status: string; storage_key: string; data_key_id: string | null }>(env.config, 'SELECT * FROM recordings WHERE id = $1', [id]))[0];
  const outboxRows = async (recordingId: string) => ownerQuery(env.config, 'SELECT 1 FROM deletion_outbox WHERE recording_id = $1', [recordingId]);
  const create = async (token: string, body: Record<string, unknown> = {}) => (await api.http.post('/deliveries').set(bearer(token)).send(body).expect(201)).body;

  /** Nothing consumed: not consumed, the recording still stored with its key and object, no outbox row. */
  async function expectNothingConsumed(deliveryId: string, recordingId: string) {
    expect(['open', 'awaiting_receipt']).toContain((await deliveryRow(deliveryId)).status);
    const row = await recording(recordingId);
    expect(row.status).toBe('stored');
    expect(row.data_key_id).not.toBeNull();
    expect(await storage.exists(row.storage_key)).toBe(true);
    expect(await outboxRows(recordingId)).toEqual([]);
  }

  async function expectDeletedWithin(recordingId: string, ms: number) {
    const { storage_key } = await recording(recordingId);
    await eventually(async () => (await recording(recordingId)).status === 'deleted', ms, `recording ${recordingId} deleted`);
    expect(await storage.exists(storage_key)).toBe(false);
  }

  async function staff(role: string) {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@callvault.test`;
    await api.http.post('/users').set(bearer(admin)).send({ email, password: 'a-long-test-password', role }).expect(201);
    return login(api.http, email, 'a-long-test-password');
  }

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    storage = api.app.get(ObjectStorage);
    admin = await loginAdmin(api.http);
    party = await createParty(api.http, admin, 'Echo Opticians');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.stop();
  });

  // Changed deliberately (issue 9, point 1): an admin or the DPO may now ask on the client's behalf, the
  // password going to the client's delivery contact only (deliveries-on-behalf.e2e-spec.ts). This client has
  // none, so they get 403 saying why; no operator role ever gets a password, and nothing is created.
  it('reproduction 1: an admin or DPO asking for a delivery gets 403 saying why and never a password; no operator role gets one', async () => {
    const item = await callWithRecording(api, party, clock.now(), 8 * KiB, 101);
    const before = await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [party.clientId]);
    for (const role of ['admin', 'dpo', 'supervisor', 'agent']) {
      const token = role === 'admin' ? admin : await staff(role);
      const res = await api.http.post('/deliveries').set(bearer(token)).send({ clientId: party.clientId, recordingIds: [item.recordingId] });
      expect(res.status).toBe(403);
      expect(res.text).not.toMatch(/password"/);
      if (role === 'admin' || role === 'dpo') {
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          code: 'no_delivery_contact',
          message: expect.stringMatching(/no delivery contact.*could reach nobody.*ask a user of the client to create the delivery/),
        });
      }
    }
    expect(await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [party.clientId])).toEqual(before);
    const denied = await ownerQuery<{ actor_role: string }>(env.config, `SELECT actor_role FROM audit_events WHERE action = 'delivery.create' AND outcome = 'denied' AND details->>'reason' = 'no_delivery_contact'`);
    expect(denied.map((d) => d.actor_role).sort()).toEqual(['admin', 'dpo']);
    await expectNothingConsumed((await create(party.client, { recordingIds: [item.recordingId] })).id, item.recordingId);
  });

  it('reproduction 2: a client that reads nothing and closes after 1.5 s consumes nothing; a retry works', async () => {
    const item = await callWithRecording(api, party, clock.now(), 48 * KiB, 102);
    const created = await create(party.client, { recordingIds: [item.recordingId] });
    const auth = basic(created.id, created.password);
    const gaveUp = await requestDownload(api, created.id, { authorization: auth, readNothingFor: 1500 });
    expect(gaveUp).toMatchObject({ status: 200, received: 0 });
    await sleep(3000);
    await expectNothingConsumed(created.id, item.recordingId);
    const retry = await requestDownload(api, created.id, { authorization: auth });
    expect(retry).toMatchObject({ status: 200, aborted: false });
    expect(sha256((await unzip(retry.body))[0].data)).toBe(item.sha256);
  });

  it('cut at 1 byte and at the last byte: nothing consumed, a retry works; whole archive + matching receipt: recordings gone within seconds', async () => {
    const item = await callWithRecording(api, party, clock.now(), 6 * MiB, 103);
    const created = await create(party.client, { recordingIds: [item.recordingId] });
    const auth = basic(created.id, created.password);
    const oneByte = await requestDownload(api, created.id, { authorization: auth, cutAfter: 1 });
    expect(oneByte).toMatchObject({ status: 200, aborted: true, received: 1 });
    const length = Number(oneByte.headers['content-length']);
    expect(length).toBeGreaterThan(6 * MiB);
    await eventually(async () => (await ownerQuery(env.config, `SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'delivery.download' AND outcome = 'failure'`, [created.id])).length === 1);
    await eventually(async () => (await ownerQuery<{ lease_until: Date | null }>(env.config, 'SELECT lease_until FROM deliveries WHERE id = $1', [created.id]))[0].lease_until === null);
    await expectNothingConsumed(created.id, item.recordingId);

    const allButOne = await requestDownload(api, created.id, { authorization: auth, cutAfter: length - 1 });
    expect(allButOne).toMatchObject({ status: 200, aborted: true, received: length - 1 });
    await sleep(1000);
    await expectNothingConsumed(created.id, item.recordingId);

    const whole = await requestDownload(api, created.id, { authorization: auth });
    expect(whole).toMatchObject({ status: 200, aborted: false, received: length });
    await expectNothingConsumed(created.id, item.recordingId);
    const confirmedAt = Date.now();
    expect(await postReceipt(api, created.id, auth, whole.sha256)).toEqual({ status: 200, body: { status: 'consumed' } });
    await expectDeletedWithin(item.recordingId, 5000);
    expect(Date.now() - confirmedAt).toBeLessThan(5000);
    expect(await deliveryRow(created.id)).toMatchObject({ status: 'consumed', consumed_by: 'receipt', password_hash: null });
    expect(await postReceipt(api, created.id, auth, whole.sha256)).toMatchObject({ status: 410, body: { code: 'delivery_consumed' } });
    expect((await requestDownload(api, created.id, { authorization: auth })).status).toBe(410);
  }, 60_000);

  it('sends the same bytes on every attempt, exactly Content-Length of them; each attempt is audited as the delivery, not an anonymous actor', async () => {
    const item = await callWithRecording(api, party, clock.now(), 300 * KiB + 3, 104);
    const created = await create(party.client, { recordingIds: [item.recordingId], messageIds: [item.messageId] });
    const auth = basic(created.id, created.password);
    const first = await requestDownload(api, created.id, { authorization: auth });
    await eventually(async () => (await deliveryRow(created.id)).status === 'awaiting_receipt');
    clock.advance(5 * MINUTE); // a later attempt: still the same bytes (no "generated at" in them)
    const second = await requestDownload(api, created.id, { authorization: auth });
    for (const res of [first, second]) {
      expect(res).toMatchObject({ status: 200, aborted: false });
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
    expect(second.body.equals(first.body)).toBe(true);
    await eventually(async () => (await ownerQuery<{ transfers_completed: number }>(env.config, 'SELECT transfers_completed FROM deliveries WHERE id = $1', [created.id]))[0].transfers_completed === 2);
    const view = (await api.http.get(`/deliveries/${created.id}`).set(bearer(party.client)).expect(200)).body;
    expect(view).toMatchObject({ status: 'awaiting_receipt', transfersCompleted: 2, archiveBytes: first.body.length, archiveSha256: sha256(first.body), consumedAt: null });
    const events = await ownerQuery<{ action: string; actor_role: string; actor_id: string | null }>(
      env.config,
      `SELECT action, actor_role, actor_id FROM audit_events WHERE subject_id = $1 AND action LIKE 'delivery.download%' ORDER BY seq`,
      [created.id],
    );
    expect(events.map((e) => e.action)).toEqual(['delivery.download.start', 'delivery.download', 'delivery.download.start', 'delivery.download']);
    expect(events.every((e) => e.actor_role === 'delivery_credential' && e.actor_id === created.id)).toBe(true);
    await expectNothingConsumed(created.id, item.recordingId);
  });

  it('a receipt with another digest is refused (409, clear message) and consumes nothing; before any complete transfer too', async () => {
    const item = await callWithRecording(api, party, clock.now(), 20 * KiB, 105);
    const created = await create(party.client, { recordingIds: [item.recordingId] });
    const auth = basic(created.id, created.password);
    const early = await postReceipt(api, created.id, auth, 'a'.repeat(64));
    expect(early).toMatchObject({ status: 409, body: { code: 'delivery_not_sent', message: expect.stringContaining('download the whole archive') } });
    const res = await requestDownload(api, created.id, { authorization: auth });
    const wrong = await postReceipt(api, created.id, auth, sha256(Buffer.concat([res.body, Buffer.from('x')])));
    expect(wrong).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'receipt_mismatch',
        message: `The SHA-256 does not match the archive this delivery sent (${res.body.length} bytes); nothing was consumed. Download it again and send the SHA-256 of the whole file`,
      },
    });
    expect((await postReceipt(api, created.id, auth, 'not-hex')).status).toBe(400);
    expect((await postReceipt(api, created.id, basic(created.id, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG'), res.sha256)).status).toBe(401);
    expect((await ownerQuery<{ failed_attempts: number }>(env.config, 'SELECT failed_attempts FROM deliveries WHERE id = $1', [created.id]))[0].failed_attempts).toBe(1);
    await sleep(500);
    await expectNothingConsumed(created.id, item.recordingId);
    expect(await postReceipt(api, created.id, auth, res.sha256.toUpperCase())).toEqual({ status: 200, body: { status: 'consumed' } });
    await expectDeletedWithin(item.recordingId, 10_000);
  });

  it('no receipt within the window: consumed (and deleted) by the worker after it, audited as consumed without receipt', async () => {
    const item = await callWithRecording(api, party, clock.now(), 20 * KiB, 106);
    const created = await create(party.client, { recordingIds: [item.recordingId] });
    expect(created.receiptWindowMinutes).toBe(60);
    const auth = basic(created.id, created.password);
    expect((await requestDownload(api, created.id, { authorization: auth })).status).toBe(200);
    await eventually(async () => (await deliveryRow(created.id)).status === 'awaiting_receipt'); // recorded once the server saw its last byte go
    const scheduler = api.app.get(DeletionScheduler);
    clock.advance(59 * MINUTE);
    await scheduler.sweepReceiptsNow<ReceiptSweepResult>(); // earlier tests' deliveries may fall due; not this one
    await expectNothingConsumed(created.id, item.recordingId);
    expect((await requestDownload(api, created.id, { authorization: auth })).status).toBe(200); // still within the window

    clock.advance(MINUTE + 1000);
    expect((await requestDownload(api, created.id, { authorization: auth })).status).toBe(410);
    expect((await scheduler.sweepReceiptsNow<ReceiptSweepResult>()).consumedWithoutReceipt).toBeGreaterThanOrEqual(1);
    expect(await deliveryRow(created.id)).toMatchObject({ status: 'consumed', consumed_by: 'receipt_window', password_hash: null });
    const [event] = await ownerQuery<{ actor_role: string; details: Record<string, unknown> }>(env.config, `SELECT actor_role, details FROM audit_events WHERE subject_id = $1 AND action = 'delivery.consume'`, [created.id]);
    expect(event).toMatchObject({ actor_role: 'system', details: { receipt: false, consumedBy: 'receipt_window', reason: 'no_receipt_within_window' } });
    await expectDeletedWithin(item.recordingId, 10_000);
  });

  it('a client whose receipt window is 0 keeps the old behaviour: consumed once the server sent it all', async () => {
    const quick = await createParty(api.http, admin, 'Foxtrot Farriers', { receiptWindowMinutes: 0 });
    const item = await callWithRecording(api, quick, clock.now(), 20 * KiB, 107);
    const created = await create(quick.client, { recordingIds: [item.recordingId] });
    expect(created.receiptWindowMinutes).toBe(0);
    expect((await requestDownload(api, created.id, { authorization: basic(created.id, created.password) })).status).toBe(200);
    await eventually(async () => (await deliveryRow(created.id)).status === 'consumed');
    expect((await deliveryRow(created.id)).consumed_by).toBe('no_window');
    await expectDeletedWithin(item.recordingId, 10_000);
  });

  it("reproduction 3: what a restriction withholds is not counted, not archived and not shredded; the manifest lists it by id only", async () => {
    const r = await createParty(api.http, admin, 'Golf Glaziers');
    const dpo = await staff('dpo');
    const restricted = { name: 'Rita Restricts', phone: '+44 7700 900777' };
    const call = (await api.http.post('/calls').set(bearer(r.agent)).send({ clientId: r.clientId, callerNumber: restricted.phone, startedAt: clock.now().toISOString() }).expect(201)).body;
    const message = (await api.http.post(`/calls/${call.id}/messages`).set(bearer(r.agent)).send({ callerName: restricted.name, callerPhone: restricted.phone, body: 'Please keep this' }).expect(201)).body;
    const kept = await uploadRecording(api, r.agent, call.id, 12 * KiB, 108);
    expect(kept.status).toBe(201);
    const other = await callWithRecording(api, r, clock.now(), 12 * KiB, 109);

    const request = (await api.http.post('/dsr').set(bearer(dpo)).send({ type: 'restriction', subject: { phone: restricted.phone }, verificationMethod: 'email_confirmation' }).expect(201)).body;
    await api.http.post(`/dsr/${request.id}/actions`).set(bearer(dpo)).send({ action: 'restrict' }).expect(200);
    await api.http.post(`/dsr/${request.id}/actions`).set(bearer(r.client)).send({ action: 'restrict' }).expect(200);
    expect((await api.http.get('/messages').set(bearer(r.client)).expect(200)).body.map((m: { id: string }) => m.id)).toEqual([other.messageId]);
    // The inbox's unread count agrees with the list: the restricted message is not counted.
    expect((await api.http.get('/messages/unread-count').set(bearer(r.client)).expect(200)).body).toEqual({ unread: 1, urgentUnread: 0 });

    await api.http.post('/deliveries').set(bearer(r.client)).send({ recordingIds: [kept.body.id] }).expect(409);
    const created = await create(r.client);
    expect(created).toMatchObject({ recordingCount: 1, messageCount: 1, withheldCount: 2 });
    const res = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
    expect(res.status).toBe(200);
    const entries = await unzip(res.body);
    expect(entries.filter((e) => e.name.startsWith('recordings/'))).toHaveLength(1);
    expect(sha256(entries[0].data)).toBe(other.sha256);
    const json = JSON.parse(entries.find((e) => e.name === 'messages.json')!.data.toString());
    expect(json.messages.map((m: { id: string }) => m.id)).toEqual([other.messageId]);
    const manifestText = entries.find((e) => e.name === 'manifest.json')!.data.toString();
    const manifest: Manifest = JSON.parse(manifestText);
    expect(manifest.withheld).toEqual(
      [
        { type: 'message', id: message.id, reason: 'processing_restricted' },
        { type: 'recording', id: kept.body.id, reason: 'processing_restricted' },
      ],
    );
    expect(res.body.toString('latin1')).not.toContain(restricted.name);
    expect(manifestText).not.toMatch(/7700 ?900/);

    expect((await postReceipt(api, created.id, basic(created.id, created.password), res.sha256)).status).toBe(200);
    await expectDeletedWithin(other.recordingId, 10_000);
    await sleep(500);
    const held = await recording(kept.body.id);
    expect(held).toMatchObject({ status: 'stored' });
    expect(held.data_key_id).not.toBeNull();
    expect(await storage.exists(held.storage_key)).toBe(true);
    expect(await outboxRows(kept.body.id)).toEqual([]);
    const [carried] = await ownerQuery<{ delivered_at: Date | null }>(env.config, 'SELECT delivered_at FROM caller_messages WHERE id = $1', [message.id]);
    expect(carried.delivered_at).toBeNull();
  }, 60_000);
});
