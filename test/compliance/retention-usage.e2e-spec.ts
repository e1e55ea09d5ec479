import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { ManualClock } from '#clock';
import { COMPLIANCE_QUEUE } from '#compliance';
import { createClientWithUsers, loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from '../support/test-app';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { wavBytes } from '../support/audio';
import { createClient, createStaff, parseCsv, seedCall, seedMessage, seedRecording, seedUsage, terminateClient } from './compliance-fixtures';

const DAY = 24 * 3_600_000;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Span {
  firstSeq: string;
  lastSeq: string;
  events: number;
}

/** Retention schedules run by the worker (D12) and usage reports (D6). */
describe('compliance: retention and usage', () => {
  const clock = new ManualClock(new Date('2026-06-15T03:00:00Z'));
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let adminToken: string;
  let dpo: { id: string; token: string };

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    adminToken = await loginAdmin(api.http);
    dpo = await createStaff(api.http, adminToken, 'dpo', 'dpo@callvault.test');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
  });

  it('D12: the worker erases business contacts 7 years after contract end and caller data after the client’s period, auditing each erasure', async () => {
    const now = clock.now().getTime();
    const ago = (days: number) => new Date(now - days * DAY);
    const old = await createClient(api.http, adminToken, { name: 'Old Co', contactName: 'Olive Old', contactEmail: 'olive@old.example', contactPhone: '01632 960100' }, { email: 'olive@old.example' });
    const six = await createClient(api.http, adminToken, { name: 'Six Co', contactName: 'Sid Six', contactEmail: 'sid@six.example' });
    await terminateClient(api.http, adminToken, old.clientId, new Date('2019-06-14T00:00:00Z')); // 7 years and a day ago
    await terminateClient(api.http, adminToken, six.clientId, new Date('2020-06-15T12:00:00Z')); // not quite 6 years

    // Caller data: 'Gone' ended 91 days ago (default period 90 days); 'Short' asked for 10 days and ended 11 days ago;
    // 'Recent' ended 30 days ago; 'Live' is still a client.
    const gone = await createClient(api.http, adminToken, { name: 'Gone Co' });
    const recent = await createClient(api.http, adminToken, { name: 'Recent Co' });
    const live = await createClient(api.http, adminToken, { name: 'Live Co' });
    const short = (await api.http.post('/clients').set(bearer(adminToken)).send({ name: 'Short Co', instructions: { callerDataRetentionDays: 10 } }).expect(201)).body.id as string;
    await terminateClient(api.http, adminToken, gone.clientId, ago(91));
    await terminateClient(api.http, adminToken, short, ago(11));
    await terminateClient(api.http, adminToken, recent.clientId, ago(30));
    const seedCaller = async (clientId: string, phone: string) => {
      const callId = await seedCall(env.config, { clientId, callerNumber: phone, startedAt: ago(200) });
      await seedMessage(env.config, { clientId, callId, name: 'Some Caller', phone, body: 'Please call back' });
      return callId;
    };
    await seedCaller(gone.clientId, '+447700900501');
    const goneWithDeletedRecording = await seedCaller(gone.clientId, '+447700900502');
    await seedRecording(env.config, { clientId: gone.clientId, callId: goneWithDeletedRecording, status: 'deleted', storedAt: ago(199), deletedAt: ago(150) });
    const goneWithLiveRecording = await seedCaller(gone.clientId, '+447700900503');
    await seedRecording(env.config, { clientId: gone.clientId, callId: goneWithLiveRecording, status: 'stored', storedAt: ago(199) });
    await seedCaller(short, '+447700900504');
    await seedCaller(recent.clientId, '+447700900505');
    await seedCaller(live.clientId, '+447700900506');

    const report = (await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body;
    expect(report.ranAt).toBe(clock.now().toISOString());
    expect(report.clientContacts).toEqual([{ clientId: old.clientId, usersAnonymised: 1 }]);
    expect(report.callerData).toEqual(
      expect.arrayContaining([
        { clientId: gone.clientId, messages: 3, calls: 2, callsWaitingForRecordings: 1 },
        { clientId: short, messages: 1, calls: 1, callsWaitingForRecordings: 0 },
      ]),
    );
    expect(report.callerData).toHaveLength(2);

    const contacts = await ownerQuery<{ id: string; contact_name: string | null; contact_email: string | null; contact_phone: string | null }>(
      env.config,
      'SELECT id, contact_name, contact_email, contact_phone FROM clients WHERE id = ANY($1)',
      [[old.clientId, six.clientId]],
    );
    expect(contacts.find((c) => c.id === old.clientId)).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null });
    expect(contacts.find((c) => c.id === six.clientId)).toMatchObject({ contact_name: 'Sid Six', contact_email: 'sid@six.example' });
    const [oldUser] = await ownerQuery<{ email: string; disabled_at: Date | null }>(env.config, 'SELECT email, disabled_at FROM users WHERE id = $1', [old.userId]);
    expect(oldUser.email).toBe(`erased+${old.userId}@erased.invalid`);
    expect(oldUser.disabled_at).not.toBeNull();
    await api.http.post('/auth/login').send({ email: 'olive@old.example', password: 'a-long-test-password' }).expect(401);

    const left = await ownerQuery<{ client_id: string; calls: number; messages: number }>(
      env.config,
      `SELECT c.id AS client_id, (SELECT count(*)::int FROM calls WHERE client_id = c.id) AS calls, (SELECT count(*)::int FROM caller_messages WHERE client_id = c.id) AS messages
         FROM clients c WHERE c.id = ANY($1)`,
      [[gone.clientId, short, recent.clientId, live.clientId]],
    );
    const byClient = Object.fromEntries(left.map((r) => [r.client_id, { calls: r.calls, messages: r.messages }]));
    expect(byClient).toEqual({
      [gone.clientId]: { calls: 1, messages: 0 }, // the call whose recording the deliveries library has yet to delete
      [short]: { calls: 0, messages: 0 },
      [recent.clientId]: { calls: 1, messages: 1 },
      [live.clientId]: { calls: 1, messages: 1 },
    });

    // Each erasure is in the audit log, by client id and count, as the system.
    const events = (await api.http.get('/audit?limit=1000').set(bearer(dpo.token)).expect(200)).body.filter((e: { action: string }) => e.action.startsWith('retention.'));
    expect(events.map((e: { action: string; clientId: string; details: unknown }) => [e.action, e.clientId, e.details])).toEqual(
      expect.arrayContaining([
        ['retention.client_contact.erase', old.clientId, { usersAnonymised: 1 }],
        ['retention.caller_message.erase', gone.clientId, { count: 3 }],
        ['retention.call.erase', gone.clientId, { count: 2 }],
        ['retention.caller_message.erase', short, { count: 1 }],
        ['retention.call.erase', short, { count: 1 }],
      ]),
    );
    expect(events.every((e: { actorRole: string }) => e.actorRole === 'system')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Olive|olive@|Some Caller|7700 ?900/);

    // Idempotent: a second run finds nothing. Once the recording is deleted, its call goes too.
    expect((await api.http.post('/retention/run').set(bearer(adminToken)).expect(200)).body).toMatchObject({ clientContacts: [], callerData: [{ clientId: gone.clientId, messages: 0, calls: 0, callsWaitingForRecordings: 1 }] });
    await ownerQuery(env.config, `UPDATE recordings SET status = 'deleted', deleted_at = now() WHERE call_id = $1`, [goneWithLiveRecording]);
    expect((await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body.callerData).toEqual([{ clientId: gone.clientId, messages: 0, calls: 1, callsWaitingForRecordings: 0 }]);
    expect((await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body).toMatchObject({ clientContacts: [], callerData: [] });

    // The clock decides: a day later, 'Six Co' is still inside its 7 years; the nightly run is scheduled on the worker.
    clock.advance(DAY);
    expect((await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body.clientContacts).toEqual([]);
    const repeats = await worker.get<Queue>(getQueueToken(COMPLIANCE_QUEUE)).getRepeatableJobs();
    expect(repeats).toEqual([expect.objectContaining({ name: 'retention-sweep', cron: '41 2 * * *' })]);
    await api.http.post('/retention/run').set(bearer((await createClientWithUsers(api.http, adminToken, 'Nosy Co')).clientUser.token)).expect(403);
  });

  it('D12: an admin ends a client contract: capture for it stops at once, and its retention clock starts', async () => {
    const ending = await createClientWithUsers(api.http, adminToken, 'Ending Co');
    const key = (await api.http.post(`/clients/${ending.clientId}/ingest-keys`).set(bearer(adminToken)).send({}).expect(201)).body.key;
    const call = (await api.http.post('/calls').set(bearer(ending.agent.token)).send({ clientId: ending.clientId, callerNumber: '+447700900600', startedAt: clock.now().toISOString() }).expect(201)).body;
    const terminate = (body: object) => api.http.post(`/clients/${ending.clientId}/termination`).set(bearer(adminToken)).send(body);

    expect((await terminate({ endedAt: new Date(clock.now().getTime() + DAY).toISOString() }).expect(400)).body.message).toBe('endedAt must not be in the future');
    await api.http.post(`/clients/${ending.clientId}/termination`).set(bearer(ending.clientUser.token)).send({}).expect(403);
    const ended = (await terminate({}).expect(200)).body;
    expect(ended).toMatchObject({ id: ending.clientId, status: 'terminated', contractEndedAt: clock.now().toISOString() });
    expect((await terminate({}).expect(409)).body.code).toBe('already_terminated');

    // Nothing new is captured for it: its agent cannot log calls, its ingest key no longer authenticates.
    await api.http.post('/calls').set(bearer(ending.agent.token)).send({ clientId: ending.clientId, callerNumber: '+447700900601', startedAt: clock.now().toISOString() }).expect(404);
    await api.http.put(`/calls/${call.id}/recording`).set('X-Ingest-Key', key).set('Content-Type', 'audio/wav').send(wavBytes(1024)).expect(401);
    // What it holds is still its own to read and take away until retention runs.
    await api.http.get('/messages').set(bearer(ending.clientUser.token)).expect(200);
    await api.http.get('/recordings').set(bearer(ending.clientUser.token)).expect(200);
    const events = (await api.http.get(`/audit?action=client.terminate&clientId=${ending.clientId}`).set(bearer(dpo.token)).expect(200)).body;
    expect(events).toEqual([expect.objectContaining({ actorRole: 'admin', outcome: 'success', details: { contractEndedAt: clock.now().toISOString() } })]);
  });

  it('D6: usage per day and in total (calls, minutes, messages, recordings, deliveries) for admins and that client, as JSON and CSV', async () => {
    const a = await createClientWithUsers(api.http, adminToken, 'Usage A');
    const b = await createClientWithUsers(api.http, adminToken, 'Usage B');
    const at = (iso: string) => new Date(iso);
    // 1 June: two calls (90 s → 2 billable minutes, 30 s → 1), one message, one recording received.
    const c1 = await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900601', startedAt: at('2026-06-01T09:00:00Z'), endedAt: at('2026-06-01T09:01:30Z') });
    await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900602', startedAt: at('2026-06-01T23:59:00Z'), endedAt: at('2026-06-01T23:59:30Z') });
    await seedMessage(env.config, { clientId: a.clientId, callId: c1, name: 'Usage Caller', phone: '+447700900601', body: 'secret text', createdAt: at('2026-06-01T09:02:00Z') });
    await seedRecording(env.config, { clientId: a.clientId, callId: c1, storedAt: at('2026-06-01T09:03:00Z') });
    // 2 June: one call of 2 minutes, two messages, one recording deleted; a call still in progress counts 0 minutes.
    const c2 = await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900603', startedAt: at('2026-06-02T10:00:00Z'), endedAt: at('2026-06-02T10:02:00Z') });
    await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900604', startedAt: at('2026-06-02T11:00:00Z') });
    await seedMessage(env.config, { clientId: a.clientId, callId: c2, name: 'Usage Caller', phone: '+447700900603', body: 'x', createdAt: at('2026-06-02T10:03:00Z') });
    await seedMessage(env.config, { clientId: a.clientId, callId: c2, name: 'Usage Caller', phone: '+447700900603', body: 'y', createdAt: at('2026-06-02T10:04:00Z') });
    await seedRecording(env.config, { clientId: a.clientId, callId: c2, status: 'deleted', storedAt: at('2026-05-30T10:03:00Z'), deletedAt: at('2026-06-02T12:00:00Z') });
    // Outside the period, and another client's: not counted.
    await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900605', startedAt: at('2026-06-04T00:00:00Z'), endedAt: at('2026-06-04T00:10:00Z') });
    await seedCall(env.config, { clientId: b.clientId, callerNumber: '+447700900606', startedAt: at('2026-06-02T10:00:00Z'), endedAt: at('2026-06-02T10:30:00Z') });
    // One delivery on 2 June.
    const deliveryId = randomUUID();
    await ownerQuery(
      env.config,
      `INSERT INTO deliveries (id, client_id, created_by, created_by_role, instructions_version, recording_count, message_count, expires_at, created_at)
       VALUES ($1, $2, $3, 'client', 1, 1, 1, $4, $5)`,
      [deliveryId, a.clientId, randomUUID(), at('2026-06-05T00:00:00Z'), at('2026-06-02T15:00:00Z')],
    );
    await seedUsage(env.config, a.clientId, deliveryId, 'delivery', at('2026-06-02T15:00:00Z'));

    const url = `/clients/${a.clientId}/usage?from=2026-06-01&to=2026-06-03`;
    const report = (await api.http.get(url).set(bearer(adminToken)).expect(200)).body;
    expect(report).toEqual({
      clientId: a.clientId,
      from: '2026-06-01',
      to: '2026-06-03',
      days: [
        { date: '2026-06-01', calls: 2, minutes: 3, messages: 1, recordingsReceived: 1, recordingsDeleted: 0, deliveries: 0 },
        { date: '2026-06-02', calls: 2, minutes: 2, messages: 2, recordingsReceived: 0, recordingsDeleted: 1, deliveries: 1 },
        { date: '2026-06-03', calls: 0, minutes: 0, messages: 0, recordingsReceived: 0, recordingsDeleted: 0, deliveries: 0 },
      ],
      total: { calls: 4, minutes: 5, messages: 3, recordingsReceived: 1, recordingsDeleted: 1, deliveries: 1 },
    });
    expect(JSON.stringify(report)).not.toMatch(/Usage Caller|secret text|7700 ?900/);

    // The client's own users see the same; another client's users and operator staff without billing see nothing.
    expect((await api.http.get(url).set(bearer(a.clientUser.token)).expect(200)).body.total).toEqual(report.total);
    await api.http.get(url).set(bearer(b.clientUser.token)).expect(404);
    await api.http.get(url).set(bearer(a.agent.token)).expect(403);
    await api.http.get(url).set(bearer(dpo.token)).expect(403);
    await api.http.get(`/clients/${a.clientId}/usage?from=2026-06-03&to=2026-06-01`).set(bearer(adminToken)).expect(400);
    await api.http.get(`/clients/${a.clientId}/usage?from=2025-01-01&to=2026-06-01`).set(bearer(adminToken)).expect(400);

    for (const request of [api.http.get(`${url}&format=csv`), api.http.get(url).set('Accept', 'text/csv')]) {
      const csv = await request.set(bearer(a.clientUser.token)).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(csv.text);
      expect(rows.map((r) => r.date)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', 'total']);
      expect(rows[3]).toEqual({ date: 'total', calls: '4', minutes: '5', messages: '3', recordingsReceived: '1', recordingsDeleted: '1', deliveries: '1' });
    }
    const reads = (await api.http.get(`/audit?action=usage.read&clientId=${a.clientId}`).set(bearer(adminToken)).expect(200)).body;
    expect(reads.length).toBeGreaterThanOrEqual(4);
  });

  const monthsLater = (from: Date, months: number) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 15, 3));
  const retention = async (at: Date) => {
    clock.set(at);
    // The database measures audit retention on its own clock, which only the owner can move: move it too.
    await ownerQuery(env.config, `CREATE OR REPLACE FUNCTION audit_clock() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT '${at.toISOString()}'::timestamptz $$`);
    return (await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body.audit as { sealed: Span | null; pruned: Span[] };
  };
  const verify = async () => (await api.http.get('/audit/verify').set(bearer(dpo.token)).expect(200)).body;

  // Last: it prunes this database's whole audit history.
  it('D12: audit is sealed month by month, pruned only as whole segments past the period, and the rest still verifies', async () => {
    const start = clock.now(); // events carry the injected clock's time, so months are counted on it
    await createClient(api.http, adminToken, { name: 'Early Co' });
    expect(await retention(start)).toEqual({ sealed: null, pruned: [] }); // this month is still being written

    // Next month: everything so far is checked and sealed as one segment from seq 1.
    const first = (await retention(monthsLater(start, 1))).sealed!;
    expect(first).toMatchObject({ firstSeq: '1', events: Number(first.lastSeq) });
    await createClient(api.http, adminToken, { name: 'Later Co' });
    const second = (await retention(monthsLater(start, 2))).sealed!;
    expect(second.firstSeq).toBe((BigInt(first.lastSeq) + 1n).toString());

    // Sealed is still append-only: no single event goes, and no segment is pruned out of turn.
    await expect(ownerQuery(env.config, 'DELETE FROM audit_events WHERE seq = $1', [first.firstSeq])).rejects.toThrow(/append-only/);
    await expect(ownerQuery(env.config, 'UPDATE audit_segments SET pruned_at = now() WHERE first_seq = $1', [second.firstSeq])).rejects.toThrow(/oldest first/);
    expect((await verify()).ok).toBe(true);

    // Seven years on, whole segments go, oldest first; each prune is itself audited.
    const later = await retention(monthsLater(start, 84 + 3));
    expect(later.pruned.slice(0, 2)).toEqual([first, second]);
    const lastPruned = later.pruned[later.pruned.length - 1];
    const [{ n: left }] = await ownerQuery<{ n: number }>(env.config, 'SELECT count(*)::int AS n FROM audit_events WHERE seq <= $1', [lastPruned.lastSeq]);
    expect(left).toBe(0);
    const prunes = (await api.http.get('/audit?action=audit.segment.prune').set(bearer(dpo.token)).expect(200)).body;
    expect(prunes.map((e: { details: { firstSeq: string } }) => e.details.firstSeq)).toEqual(expect.arrayContaining([first.firstSeq, second.firstSeq]));

    // The chain that remains is anchored on the last pruned segment and keeps growing.
    await loginAdmin(api.http);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, prunedThrough: { seq: lastPruned.lastSeq } });
    expect(after.events).toBeGreaterThan(0);
    expect(BigInt(after.head.seq)).toBeGreaterThan(BigInt(lastPruned.lastSeq));

    // A prune cut short after marking its segment (events still there) is finished by the next run. A month
    // after the prunes, the events they wrote are sealed as the next segment.
    const third = (await retention(monthsLater(start, 84 + 4))).sealed!;
    expect(third.firstSeq).toBe((BigInt(lastPruned.lastSeq) + 1n).toString());
    await ownerQuery(env.config, 'UPDATE audit_segments SET pruned_at = now() WHERE first_seq = $1', [third.firstSeq]);
    const leftovers = () => ownerQuery(env.config, 'SELECT 1 FROM audit_events WHERE seq <= $1', [third.lastSeq]);
    expect((await leftovers()).length).toBe(third.events);
    expect(await retention(monthsLater(start, 84 + 4))).toMatchObject({ pruned: [] });
    expect(await leftovers()).toEqual([]);
    expect(await verify()).toMatchObject({ ok: true, prunedThrough: { seq: third.lastSeq } });

    // Rewriting a pruned segment's anchor (by someone able to switch triggers off) is caught.
    await ownerQuery(env.config, 'ALTER TABLE audit_segments DISABLE TRIGGER trg_audit_segments_guard');
    await ownerQuery(env.config, `UPDATE audit_segments SET last_hash = repeat('a', 64) WHERE last_seq = $1`, [third.lastSeq]);
    await ownerQuery(env.config, 'ALTER TABLE audit_segments ENABLE TRIGGER trg_audit_segments_guard');
    expect(await verify()).toMatchObject({ ok: false, broken: { reason: 'previous hash does not match the preceding event' } });
  });
});
