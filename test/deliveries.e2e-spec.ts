import { buffer } from 'node:stream/consumers';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '#audit';
import { ManualClock } from '#clock';
import { DeletionScheduler, RecordingDeletionService } from '#deliveries';
import type { Manifest, RetentionSweepResult } from '#deliveries';
import { ObjectStorage } from '#storage';
import {
  basic,
  bearer,
  callWithRecording,
  createParty,
  DAY,
  eventually,
  HOUR,
  KiB,
  logCall,
  logMessage,
  MiB,
  Party,
  postReceipt,
  requestDownload,
  sha256,
  unzip,
} from './support/deliveries-helpers';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

interface RecordingRow {
  id: string;
  status: string;
  storage_key: string;
  data_key_id: string | null;
  delivered_at: Date | null;
  deleted_at: Date | null;
}

describe('deliveries (S3 endpoint, Redis, worker)', () => {
  let s3: S3Endpoint;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let storage: ObjectStorage;
  let admin: string;
  let a: Party;
  let b: Party;
  const clock = new ManualClock(new Date());

  const recordingRow = async (id: string) => (await ownerQuery<RecordingRow>(env.config, 'SELECT * FROM recordings WHERE id = $1', [id]))[0];
  const deliveryRow = async (id: string) =>
    (await ownerQuery<{ status: string; failed_attempts: number; password_hash: string | null; lease_until: Date | null; consumed_at: Date | null }>(env.config, 'SELECT * FROM deliveries WHERE id = $1', [id]))[0];
  const dataKeyExists = async (id: string) => (await ownerQuery(env.config, 'SELECT 1 FROM data_keys WHERE id = $1', [id])).length > 0;
  const actions = async (subjectId: string) =>
    (await ownerQuery<{ action: string; outcome: string }>(env.config, 'SELECT action, outcome FROM audit_events WHERE subject_id = $1 ORDER BY seq', [subjectId])).map((e) => `${e.action}:${e.outcome}`);
  const createDelivery = async (token: string, body: Record<string, unknown> = {}) => (await api.http.post('/deliveries').set(bearer(token)).send(body).expect(201)).body;

  /** Deleted means: status deleted, deletedAt set, object gone, data key gone, outbox row done. */
  async function expectDeleted(recordingId: string, dataKeyId: string, storageKey: string) {
    await eventually(async () => (await recordingRow(recordingId)).status === 'deleted', 15_000, `recording ${recordingId} deleted`);
    const row = await recordingRow(recordingId);
    expect(row.deleted_at).not.toBeNull();
    expect(row.data_key_id).toBeNull();
    expect(await storage.exists(storageKey)).toBe(false);
    expect(await dataKeyExists(dataKeyId)).toBe(false);
    const [outbox] = await ownerQuery<{ status: string }>(env.config, 'SELECT status FROM deletion_outbox WHERE recording_id = $1', [recordingId]);
    expect(outbox.status).toBe('done');
  }

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    storage = api.app.get(ObjectStorage);
    admin = await loginAdmin(api.http);
    a = await createParty(api.http, admin, 'Acme Plumbing');
    b = await createParty(api.http, admin, 'Bravo Dentists', { deliveryExpiryHours: 24, recordingRetentionDays: 7 });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.stop();
  });

  it('upload → delivery → download → unzip → same SHA-256 → recordings deleted (object, key) → 410', async () => {
    const startedAt = new Date('2026-11-22T10:31:05.250Z');
    const first = await callWithRecording(api, a, startedAt, 3 * MiB + 17, 21);
    const second = await callWithRecording(api, a, new Date(startedAt.getTime() + 60_000), 65 * KiB, 22);
    const extraMessage = await logMessage(api.http, a, first.callId, { callerName: 'Bob, "the" =builder', body: 'line one\nline two, with "quotes"' });
    const rows = { first: await recordingRow(first.recordingId), second: await recordingRow(second.recordingId) };

    const created = await createDelivery(a.client);
    expect(created).toEqual({
      id: expect.any(String),
      password: expect.stringMatching(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/),
      expiresAt: new Date(clock.now().getTime() + 72 * HOUR).toISOString(),
      downloadUrl: `/deliveries/${created.id}/download`,
      receiptUrl: `/deliveries/${created.id}/receipt`,
      recordingCount: 2,
      messageCount: 3,
      withheldCount: 0,
      receiptWindowMinutes: 60,
    });
    const stored = await deliveryRow(created.id);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(created.password);
    expect(await actions(created.id)).toEqual(['delivery.create:success']);

    // A password read out over the phone: lower case, no dashes, O for 0 still works.
    const spoken = created.password.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const res = await requestDownload(api, created.id, { authorization: basic(created.id, spoken) });
    expect(res.status).toBe(200);
    expect(res.aborted).toBe(false);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="callvault-delivery-${created.id}.zip"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-length']).toBe(String(res.body.length));

    const entries = await unzip(res.body);
    const names = entries.map((e) => e.name);
    const firstName = `recordings/2026-11-22T10-31-05Z_${first.recordingId.replace(/-/g, '').slice(0, 8)}.wav`;
    const secondName = `recordings/2026-11-22T10-32-05Z_${second.recordingId.replace(/-/g, '').slice(0, 8)}.wav`;
    expect(names).toEqual([firstName, secondName, 'messages.json', 'messages.csv', 'manifest.json']);
    const file = (name: string) => entries.find((e) => e.name === name)!.data;
    expect(sha256(file(firstName))).toBe(first.sha256);
    expect(file(firstName).length).toBe(first.size);
    expect(sha256(file(secondName))).toBe(second.sha256);

    const manifest: Manifest = JSON.parse(file('manifest.json').toString());
    expect(manifest).toMatchObject({ format: 'callvault-delivery-2', deliveryId: created.id, omitted: [], withheld: [] });
    expect(manifest.files.map((f) => f.name)).toEqual(names.slice(0, -1));
    for (const entry of entries.slice(0, -1)) {
      expect(manifest.files.find((f) => f.name === entry.name)).toMatchObject({ size: entry.data.length, sha256: sha256(entry.data) });
    }
    expect(manifest.files[0]).toMatchObject({ recordingId: first.recordingId, callId: first.callId });

    const json = JSON.parse(file('messages.json').toString());
    expect(json.deliveryId).toBe(created.id);
    expect(json.messages.map((m: { id: string }) => m.id).sort()).toEqual([first.messageId, second.messageId, extraMessage].sort());
    const bob = json.messages.find((m: { id: string }) => m.id === extraMessage);
    expect(bob).toMatchObject({ callId: first.callId, callerName: 'Bob, "the" =builder', body: 'line one\nline two, with "quotes"', recordingFile: firstName, callStartedAt: startedAt.toISOString() });
    const csv = file('messages.csv').toString();
    expect(csv.split('\r\n')[0]).toBe('id,created_at,call_id,call_started_at,call_ended_at,caller_number,caller_name,caller_phone,caller_email,urgency,callback_requested,body,custom_fields,recording_file');
    expect(csv).toContain(`"Bob, ""the"" =builder"`);
    expect(csv).toContain(`"line one\nline two, with ""quotes"""`);

    // Sent is not received: nothing is consumed until the client confirms the archive's SHA-256.
    expect(await deliveryRow(created.id)).toMatchObject({ status: 'awaiting_receipt', consumed_at: null });
    expect((await recordingRow(first.recordingId)).status).toBe('stored');
    const receipt = await postReceipt(api, created.id, basic(created.id, created.password), sha256(res.body));
    expect(receipt).toEqual({ status: 200, body: { status: 'consumed' } });

    // Consumed in one transaction; deleted by the worker: key first, then the object, then the row.
    await expectDeleted(first.recordingId, rows.first.data_key_id!, rows.first.storage_key);
    await expectDeleted(second.recordingId, rows.second.data_key_id!, rows.second.storage_key);
    const consumed = await deliveryRow(created.id);
    expect(consumed).toMatchObject({ status: 'consumed', password_hash: null, lease_until: null });
    expect(await actions(first.recordingId)).toEqual(['recording.ingest:success', 'recording.deliver:success', 'recording.delete:success']);
    expect(await actions(created.id)).toEqual(['delivery.create:success', 'delivery.download.start:success', 'delivery.download:success', 'delivery.receipt:success', 'delivery.consume:success']);
    const [deletionReceipt] = await ownerQuery<{ details: Record<string, unknown>; actor_role: string }>(env.config, `SELECT details, actor_role FROM audit_events WHERE action = 'recording.delete' AND subject_id = $1`, [first.recordingId]);
    expect(deletionReceipt).toMatchObject({ actor_role: 'system', details: { reason: 'delivered', deliveryId: created.id, dataKeyDestroyed: true, objectGone: true } });

    // The client's inbox shows it: recording deleted, messages carried by this delivery.
    const recording = await api.http.get(`/recordings/${first.recordingId}`).set(bearer(a.client)).expect(200);
    expect(recording.body).toMatchObject({ status: 'deleted', deletedAt: expect.any(String), deliveredAt: expect.any(String) });
    const [message] = await ownerQuery<{ delivery_id: string; delivered_at: Date }>(env.config, 'SELECT delivery_id, delivered_at FROM caller_messages WHERE id = $1', [extraMessage]);
    expect(message.delivery_id).toBe(created.id);
    expect(message.delivered_at).not.toBeNull();

    const again = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
    expect(again.status).toBe(410);
    expect(JSON.parse(again.body.toString())).toEqual({ statusCode: 410, error: 'Gone', message: 'This delivery has already been downloaded', code: 'delivery_consumed' });
    const view = await api.http.get(`/deliveries/${created.id}`).set(bearer(a.client)).expect(200);
    expect(view.body).toMatchObject({ id: created.id, status: 'consumed', consumedBy: 'receipt', recordingCount: 2, messageCount: 3, archiveBytes: res.body.length, archiveSha256: sha256(res.body) });
    expect(await api.app.get(AuditService).verify()).toMatchObject({ ok: true });
  }, 60_000);

  describe('who may create a delivery of what', () => {
    let bItems: { recordingId: string; messageId: string };

    beforeAll(async () => {
      bItems = await callWithRecording(api, b, clock.now(), 10 * KiB, 31);
    });

    it("refuses another client's recording or message: 404, nothing created, refusal audited", async () => {
      const before = await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [a.clientId]);
      for (const body of [{ recordingIds: [bItems.recordingId] }, { messageIds: [bItems.messageId] }]) {
        const res = await api.http.post('/deliveries').set(bearer(a.client)).send(body).expect(404);
        expect(JSON.stringify(res.body)).not.toContain(bItems.recordingId);
      }
      expect(await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [a.clientId])).toEqual(before);
      const denied = await ownerQuery(env.config, `SELECT 1 FROM audit_events WHERE action = 'delivery.create' AND outcome = 'denied' AND client_id = $1`, [a.clientId]);
      expect(denied.length).toBe(2);
      // Naming the other client outright is the same "not found".
      await api.http.post('/deliveries').set(bearer(a.client)).send({ clientId: b.clientId }).expect(404);
      // One of its own and one foreign: still nothing.
      const own = await callWithRecording(api, a, clock.now(), 10 * KiB, 32);
      await api.http.post('/deliveries').set(bearer(a.client)).send({ recordingIds: [own.recordingId, bItems.recordingId] }).expect(404);
      await api.http.post('/deliveries').set(bearer(a.client)).send({ recordingIds: [randomUUID()] }).expect(404);
      expect(await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [a.clientId])).toEqual(before);
    });

    // Changed deliberately (issue 9, point 1): an admin asks on a client's behalf and the password goes to the
    // client's delivery contact only (deliveries-on-behalf.e2e-spec.ts). This client has none (no email, no
    // webhook), so the admin is refused saying why; an admin who names no client is told to. No password either way.
    it('refuses admins (400 naming clientId, or 403 no delivery contact saying why, no password), agents and bad bodies; lists for the client', async () => {
      const unnamed = await api.http.post('/deliveries').set(bearer(admin)).send({ recordingIds: [bItems.recordingId] }).expect(400);
      expect(unnamed.body.message).toContain('clientId');
      expect(JSON.stringify(unnamed.body)).not.toMatch(/password"/);
      const refused = await api.http.post('/deliveries').set(bearer(admin)).send({ clientId: b.clientId, recordingIds: [bItems.recordingId] }).expect(403);
      expect(refused.body).toMatchObject({ code: 'no_delivery_contact', message: expect.stringContaining("ask a user of the client to create the delivery") });
      expect(JSON.stringify(refused.body)).not.toMatch(/password"/);
      const created = await api.http.post('/deliveries').set(bearer(b.client)).send({ recordingIds: [bItems.recordingId] }).expect(201);
      expect(created.body).toMatchObject({ recordingCount: 1, messageCount: 0, expiresAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString() });
      await api.http.post('/deliveries').set(bearer(b.agent)).send({ clientId: b.clientId }).expect(403);
      await api.http.post('/deliveries').set(bearer(b.client)).send({ recordingIds: ['not-a-uuid'] }).expect(400);
      await api.http.post('/deliveries').set(bearer(b.client)).send({ recordingIds: [bItems.recordingId], password: 'mine' }).expect(400);
      const listed = await api.http.get('/deliveries').set(bearer(b.client)).expect(200);
      expect(listed.body.map((d: { id: string }) => d.id)).toContain(created.body.id);
      expect(JSON.stringify(listed.body)).not.toMatch(/password/i);
      await api.http.get(`/deliveries/${created.body.id}`).set(bearer(a.client)).expect(404);
    });
  });

  // Changed deliberately (issue 9): a delivery awaiting its receipt may be downloaded again, so a
  // request arriving after the winner finished may win a claim of its own; never two at once.
  it('20 concurrent downloads with the right password: one stream at a time, the others 409; every 200 the same bytes', async () => {
    const item = await callWithRecording(api, a, clock.now(), 24 * MiB, 41);
    const created = await createDelivery(a.client, { recordingIds: [item.recordingId] });
    const results = await Promise.all(Array.from({ length: 20 }, () => requestDownload(api, created.id, { authorization: basic(created.id, created.password) })));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => [200, 409].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);
    const winners = results.filter((r) => r.status === 200);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const winner of winners) expect(winner).toMatchObject({ aborted: false, sha256: winners[0].sha256 });
    const entries = await unzip(winners[0].body);
    expect(sha256(entries[0].data)).toBe(item.sha256);
    for (const loser of results.filter((r) => r.status === 409)) expect(JSON.parse(loser.body.toString()).code).toBe('delivery_busy');
    const started = await ownerQuery<{ downloads_started: number }>(env.config, 'SELECT downloads_started FROM deliveries WHERE id = $1', [created.id]);
    expect(started[0].downloads_started).toBe(winners.length);
    expect((await postReceipt(api, created.id, basic(created.id, created.password), winners[0].sha256)).status).toBe(200);
    await eventually(async () => (await recordingRow(item.recordingId)).status === 'deleted');
  }, 60_000);

  describe('an interrupted download consumes nothing', () => {
    it('a download cut off half way leaves the delivery open and the recording stored; a retry succeeds', async () => {
      const item = await callWithRecording(api, a, clock.now(), 16 * MiB, 51);
      const created = await createDelivery(a.client, { recordingIds: [item.recordingId] });
      const auth = basic(created.id, created.password);
      const cut = await requestDownload(api, created.id, { authorization: auth, cutAfter: 6 * MiB });
      expect(cut).toMatchObject({ status: 200, aborted: true });
      // The server notices the dead socket, gives the claim back and audits the interruption.
      await eventually(async () => (await actions(created.id)).includes('delivery.download:failure'));
      const [failure] = await ownerQuery<{ details: { reason: string; bytes: number } }>(env.config, `SELECT details FROM audit_events WHERE subject_id = $1 AND outcome = 'failure'`, [created.id]);
      expect(failure.details.reason).toBe('interrupted');
      expect(failure.details.bytes).toBeGreaterThanOrEqual(6 * MiB);
      const row = await deliveryRow(created.id);
      expect(row).toMatchObject({ status: 'open', consumed_at: null, lease_until: null, failed_attempts: 0 });
      expect((await recordingRow(item.recordingId)).status).toBe('stored');
      expect(await ownerQuery(env.config, 'SELECT 1 FROM deletion_outbox WHERE recording_id = $1', [item.recordingId])).toEqual([]);

      const retry = await requestDownload(api, created.id, { authorization: auth });
      expect(retry.status).toBe(200);
      expect(sha256((await unzip(retry.body))[0].data)).toBe(item.sha256);
      expect((await postReceipt(api, created.id, auth, retry.sha256)).status).toBe(200);
      await eventually(async () => (await recordingRow(item.recordingId)).status === 'deleted');
    }, 60_000);

    it('a recording that fails verification mid-stream cuts the download (never a clean end) and consumes nothing', async () => {
      const item = await callWithRecording(api, a, clock.now(), 3 * MiB, 53);
      const row = await recordingRow(item.recordingId);
      const created = await createDelivery(a.client, { recordingIds: [item.recordingId] });
      const auth = basic(created.id, created.password);
      const original = await buffer(await storage.get(row.storage_key));
      const tampered = Buffer.from(original);
      tampered[MiB + 100] ^= 0x01;
      await storage.put(row.storage_key, Readable.from([tampered]), { contentLength: tampered.length });
      try {
        const cut = await requestDownload(api, created.id, { authorization: auth });
        expect(cut).toMatchObject({ status: 200, aborted: true });
        expect(cut.body.length).toBeGreaterThan(0);
        expect(cut.body.length).toBeLessThan(2 * MiB);
      } finally {
        await storage.put(row.storage_key, Readable.from([original]), { contentLength: original.length });
      }
      await eventually(async () => (await ownerQuery(env.config, `SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'delivery.download' AND outcome = 'failure'`, [created.id])).length === 1);
      const [failure] = await ownerQuery<{ details: { reason: string } }>(env.config, `SELECT details FROM audit_events WHERE subject_id = $1 AND outcome = 'failure'`, [created.id]);
      expect(failure.details.reason).toBe('error');
      expect(await deliveryRow(created.id)).toMatchObject({ status: 'open', lease_until: null });

      // Same for plaintext that decrypts but is not what was uploaded (checked against ingest's SHA-256).
      await ownerQuery(env.config, 'UPDATE recordings SET sha256 = $2 WHERE id = $1', [item.recordingId, 'f'.repeat(64)]);
      try {
        expect(await requestDownload(api, created.id, { authorization: auth })).toMatchObject({ status: 200, aborted: true });
      } finally {
        await ownerQuery(env.config, 'UPDATE recordings SET sha256 = $2 WHERE id = $1', [item.recordingId, item.sha256]);
      }
      await eventually(async () => (await deliveryRow(created.id)).lease_until === null);
      expect((await recordingRow(item.recordingId)).status).toBe('stored');

      const retry = await requestDownload(api, created.id, { authorization: auth });
      expect(retry).toMatchObject({ status: 200, aborted: false });
      expect(sha256((await unzip(retry.body))[0].data)).toBe(item.sha256);
    }, 60_000);

    it('a claim left by a dead process blocks (409) until its lease lapses, then the same password works', async () => {
      const item = await callWithRecording(api, a, clock.now(), 100 * KiB, 52);
      const created = await createDelivery(a.client, { recordingIds: [item.recordingId] });
      const auth = basic(created.id, created.password);
      await ownerQuery(env.config, 'UPDATE deliveries SET lease_until = $2, lease_token = $3 WHERE id = $1', [created.id, new Date(clock.now().getTime() + 30_000), randomUUID()]);
      expect((await requestDownload(api, created.id, { authorization: auth })).status).toBe(409);
      clock.advance(30_001);
      const res = await requestDownload(api, created.id, { authorization: auth });
      expect(res.status).toBe(200);
      expect(sha256((await unzip(res.body))[0].data)).toBe(item.sha256);
    });
  });

  it('counts wrong passwords and locks at 5 (423); requests without a password, HEAD and Range never count or consume', async () => {
    const item = await callWithRecording(api, a, clock.now(), 70 * KiB, 61);
    const created = await createDelivery(a.client, { recordingIds: [item.recordingId] });
    const right = basic(created.id, created.password);
    const wrong = basic(created.id, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');

    for (const authorization of [undefined, `Bearer ${a.client}`, basic(created.id, ''), basic(randomUUID(), created.password), 'Basic ???']) {
      const res = await requestDownload(api, created.id, { authorization });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="CallVault delivery", charset="UTF-8"');
    }
    for (let i = 0; i < 7; i++) expect((await requestDownload(api, created.id, { method: 'HEAD', authorization: wrong })).status).toBe(200);
    expect((await requestDownload(api, created.id, { method: 'HEAD' })).status).toBe(401);
    const head = await requestDownload(api, created.id, { method: 'HEAD', authorization: right });
    expect(head).toMatchObject({ status: 200, body: Buffer.alloc(0) });
    expect(head.headers['content-type']).toBe('application/zip');
    for (const range of ['bytes=0-', 'bytes=0-99']) {
      expect((await requestDownload(api, created.id, { authorization: right, headers: { Range: range } })).status).toBe(416);
      expect((await requestDownload(api, created.id, { authorization: wrong, headers: { Range: range } })).status).toBe(416);
    }
    expect(await deliveryRow(created.id)).toMatchObject({ status: 'open', failed_attempts: 0, lease_until: null });

    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await requestDownload(api, created.id, { authorization: wrong });
      expect(res.status).toBe(401);
      expect((await deliveryRow(created.id)).failed_attempts).toBe(attempt);
    }
    const locked = await deliveryRow(created.id);
    expect(locked).toMatchObject({ status: 'locked', password_hash: null });
    const res = await requestDownload(api, created.id, { authorization: right });
    expect(res.status).toBe(423);
    expect(JSON.parse(res.body.toString()).code).toBe('delivery_locked');
    expect((await requestDownload(api, created.id, { method: 'HEAD', authorization: right })).status).toBe(423);
    expect((await recordingRow(item.recordingId)).status).toBe('stored');
    const denied = await ownerQuery<{ details: { reason: string } }>(env.config, `SELECT details FROM audit_events WHERE subject_id = $1 AND outcome = 'denied' ORDER BY seq`, [created.id]);
    expect(denied.map((e) => e.details.reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'locked']);
  });

  it('an expired delivery answers 410 and the sweep closes it; retention deletes recordings never downloaded', async () => {
    const start = clock.now();
    const item = await callWithRecording(api, b, start, 40 * KiB, 71);
    const kept = await callWithRecording(api, b, start, 40 * KiB, 72);
    const row = await recordingRow(item.recordingId);
    const created = await createDelivery(b.client, { recordingIds: [item.recordingId] });
    const scheduler = api.app.get(DeletionScheduler);
    try {
      clock.advance(24 * HOUR + 1000);
      const res = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
      expect(res.status).toBe(410);
      expect(JSON.parse(res.body.toString()).code).toBe('delivery_expired');
      // Six days on, nothing is past its retention (7 days) yet; the expired delivery is closed.
      clock.advance(5 * DAY);
      const early = await scheduler.sweepRetentionNow<RetentionSweepResult>();
      expect(early.deliveriesExpired).toBeGreaterThanOrEqual(1);
      expect(await deliveryRow(created.id)).toMatchObject({ status: 'expired', password_hash: null });
      expect(await actions(created.id)).toContain('delivery.expire:success');
      expect((await recordingRow(item.recordingId)).status).toBe('stored');

      clock.advance(DAY);
      const due = await scheduler.sweepRetentionNow<RetentionSweepResult>();
      expect(due.recordingsDue).toBeGreaterThanOrEqual(2);
      await expectDeleted(item.recordingId, row.data_key_id!, row.storage_key);
      await eventually(async () => (await recordingRow(kept.recordingId)).status === 'deleted');
      const [receipt] = await ownerQuery<{ details: Record<string, unknown> }>(env.config, `SELECT details FROM audit_events WHERE action = 'recording.delete' AND subject_id = $1`, [item.recordingId]);
      expect(receipt.details).toMatchObject({ reason: 'retention', dataKeyDestroyed: true, objectGone: true });
      // Messages stay.
      expect(await ownerQuery(env.config, 'SELECT 1 FROM caller_messages WHERE id = $1', [item.messageId])).toHaveLength(1);
    } finally {
      clock.set(start);
    }
  }, 60_000);

  it('a deletion retried after partial progress, or run twice at once, completes cleanly with one receipt', async () => {
    const item = await callWithRecording(api, a, clock.now(), 30 * KiB, 75);
    const row = await recordingRow(item.recordingId);
    const outboxId = randomUUID();
    // As if a first attempt died after deleting the object (key still there, nothing marked).
    await ownerQuery(env.config, `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, status, created_at) VALUES ($1, $2, $3, 'retention', 'pending', $4)`, [outboxId, a.clientId, item.recordingId, clock.now()]);
    await storage.delete(row.storage_key);
    const deletion = worker.get(RecordingDeletionService);
    const outcomes = await Promise.all([deletion.process(outboxId), deletion.process(outboxId)]);
    expect(outcomes.sort()).toEqual(['already_done', 'deleted']);
    expect(await deletion.process(outboxId)).toBe('already_done');
    expect(await deletion.process(randomUUID())).toBe('no_such_entry');
    await expectDeleted(item.recordingId, row.data_key_id!, row.storage_key);
    expect(await actions(item.recordingId)).toEqual(['recording.ingest:success', 'recording.delete:success']);
  });

  it('a delivery whose recording was deleted meanwhile still downloads, listing it as omitted', async () => {
    const gone = await callWithRecording(api, a, clock.now(), 20 * KiB, 81);
    const here = await callWithRecording(api, a, clock.now(), 20 * KiB, 82);
    const created = await createDelivery(a.client, { recordingIds: [gone.recordingId, here.recordingId] });
    await ownerQuery(env.config, `UPDATE recordings SET retain_until = $2 WHERE id = $1`, [gone.recordingId, new Date(clock.now().getTime() - 1000)]);
    await api.app.get(DeletionScheduler).sweepRetentionNow();
    await eventually(async () => (await recordingRow(gone.recordingId)).status === 'deleted');
    const res = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
    expect(res.status).toBe(200);
    const entries = await unzip(res.body);
    const manifest: Manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString());
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(manifest.omitted).toEqual([{ recordingId: gone.recordingId, reason: 'no_longer_stored' }]);
    expect(manifest.files.filter((f) => f.recordingId).map((f) => f.recordingId)).toEqual([here.recordingId]);
  });

  it('delivers "everything not yet delivered" when no items are named, and then there is nothing left', async () => {
    const party = await createParty(api.http, admin, 'Charlie Vets');
    const callId = await logCall(api.http, party, clock.now());
    await logMessage(api.http, party, callId);
    const created = await createDelivery(party.client);
    expect(created).toMatchObject({ recordingCount: 0, messageCount: 1 });
    const res = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
    expect(res.status).toBe(200);
    expect((await unzip(res.body)).map((e) => e.name)).toEqual(['messages.json', 'messages.csv', 'manifest.json']);
    // Carried only once the client confirms it has them.
    expect((await api.http.post('/deliveries').set(bearer(party.client)).send({}).expect(201)).body).toMatchObject({ messageCount: 1 });
    expect((await postReceipt(api, created.id, basic(created.id, created.password), res.sha256)).status).toBe(200);
    const nothing = await api.http.post('/deliveries').set(bearer(party.client)).send({}).expect(409);
    expect(nothing.body.code).toBe('nothing_to_deliver');
  });
});
