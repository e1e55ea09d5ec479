import { wavBytes } from '../support/audio';
import { createHash } from 'node:crypto';
import { ManualClock } from '#clock';
import { ProcessingRestrictions } from '#compliance';
import { KeyStore } from '#crypto';
import { ObjectStorage } from '#storage';
import { Readable } from 'node:stream';
import { createClientWithUsers, loginAdmin, ownerQuery, startTestApi, TestApi } from '../support/test-app';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { binary, createClient, createStaff, parseCsv, seedCall, seedMessage, seedRecording, terminateClient, unzip } from './compliance-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Data subject requests (D7–D10, D15) against the real API, Postgres and Redis, on a controllable clock. */
describe('compliance: data subject requests', () => {
  // Monday 2 March 2026, 09:00 UTC.
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  let dpo: { id: string; token: string };
  let a: Awaited<ReturnType<typeof createClientWithUsers>>;
  let b: Awaited<ReturnType<typeof createClientWithUsers>>;
  let c: Awaited<ReturnType<typeof createClientWithUsers>>;

  const createRequest = async (body: Record<string, unknown>) => (await api.http.post('/dsr').set(bearer(dpo.token)).send(body).expect(201)).body;
  const act = (id: string, token: string, body: Record<string, unknown>) => api.http.post(`/dsr/${id}/actions`).set(bearer(token)).send(body);
  const download = async (id: string, token: string) => {
    const res = await api.http.get(`/dsr/${id}/export`).set(bearer(token)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    return unzip(res.body as Buffer);
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    adminToken = await loginAdmin(api.http);
    dpo = await createStaff(api.http, adminToken, 'dpo', 'dpo@callvault.test');
    a = await createClientWithUsers(api.http, adminToken, 'Client A');
    b = await createClientWithUsers(api.http, adminToken, 'Client B');
    c = await createClientWithUsers(api.http, adminToken, 'Client C');
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('D8: a request is due one month after receipt, listed overdue first, extendable by up to two months only inside 28 days', async () => {
    clock.set(new Date('2026-03-02T09:00:00Z'));
    // Received 31 January: one calendar month is the last day of February; it is overdue now.
    const late = await createRequest({ type: 'access', subject: { email: 'late.requester@example.org' }, receivedAt: '2026-01-31T10:00:00Z' });
    expect(late.dueAt).toBe('2026-02-28T10:00:00.000Z');
    const fresh = await createRequest({ type: 'erasure', subject: { email: 'fresh.requester@example.org' } });
    expect(fresh).toMatchObject({ status: 'received', receivedAt: '2026-03-02T09:00:00.000Z', dueAt: '2026-04-02T09:00:00.000Z', daysLeft: 31, overdue: false });

    const open = (await api.http.get('/dsr').set(bearer(dpo.token)).expect(200)).body;
    const ids = open.map((r: { id: string }) => r.id);
    expect(ids.indexOf(late.id)).toBe(0);
    expect(open[0]).toMatchObject({ overdue: true, daysLeft: -2 });
    expect(open.find((r: { id: string }) => r.id === fresh.id)).toMatchObject({ overdue: false, daysLeft: 31 });

    // Day 27 after receipt: the extension is recorded with its reason, two further months from the original due date.
    clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + 27 * DAY));
    const short = await act(fresh.id, dpo.token, { action: 'extend', months: 2, reason: 'too short' }).expect(400);
    expect(short.body.code).toBe('reason_required');
    const extended = (await act(fresh.id, dpo.token, { action: 'extend', months: 2, reason: 'Records span several archived systems' }).expect(200)).body;
    expect(extended).toMatchObject({
      dueAt: '2026-06-02T09:00:00.000Z',
      originalDueAt: '2026-04-02T09:00:00.000Z',
      extension: { months: 2, reason: 'Records span several archived systems', extendedAt: clock.now().toISOString() },
    });
    const beyond = await act(fresh.id, dpo.token, { action: 'extend', months: 1, reason: 'Still more archives to search' }).expect(409);
    expect(beyond.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'extension_limit' });

    // Received now, asked on day 28: too late to extend.
    clock.set(new Date('2026-04-01T09:00:00Z'));
    const other = await createRequest({ type: 'access', subject: { phone: '+44 7700 900555' } });
    clock.advance(28 * DAY);
    const closed = await act(other.id, dpo.token, { action: 'extend', months: 1, reason: 'Records span several archived systems' }).expect(409);
    expect(closed.body).toMatchObject({ code: 'extension_window_closed', message: expect.stringContaining('within 28 days of receipt') });
    expect((await api.http.get(`/dsr/${other.id}`).set(bearer(dpo.token)).expect(200)).body).toMatchObject({ dueAt: '2026-05-01T09:00:00.000Z', extension: null, overdue: false, daysLeft: 2 });
  });

  it('D15: a rectification is due within 10 working days, and is carried out on the operator records', async () => {
    // Friday 6 March 2026: ten working days later is Friday 20 March (one month would be 6 April).
    clock.set(new Date('2026-03-06T10:00:00Z'));
    const contact = await createClient(api.http, adminToken, { name: 'Rectify Ltd', contactName: 'Rhea Tify', contactEmail: 'rhea@rectify.example', contactPhone: '01632 960001' });
    const request = await createRequest({
      type: 'rectification',
      subject: { name: 'Rhea Tify', email: 'rhea@rectify.example' },
      rectification: { phone: '+44 1632 960999' },
      verificationMethod: 'known_contact',
    });
    expect(request).toMatchObject({ dueAt: '2026-03-20T10:00:00.000Z', daysLeft: 14, controllerMatches: [{ kind: 'client_contact', id: contact.clientId, matchedOn: ['name', 'email'] }] });
    await api.http.post('/dsr').set(bearer(dpo.token)).send({ type: 'rectification', subject: { email: 'x@example.org' } }).expect(400);

    clock.advance(3 * DAY);
    await act(request.id, dpo.token, { action: 'complete' }).expect(409);
    const rectified = (await act(request.id, dpo.token, { action: 'rectify' }).expect(200)).body;
    expect(rectified.reports[0]).toMatchObject({ operation: 'rectify', records: [{ kind: 'client_contact', id: contact.clientId, outcome: 'rectified' }] });
    expect((await api.http.get(`/clients/${contact.clientId}`).set(bearer(adminToken)).expect(200)).body.contactPhone).toBe('+44 1632 960999');
    const done = (await act(request.id, dpo.token, { action: 'complete', note: 'Phone number corrected' }).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', closedAt: clock.now().toISOString(), daysLeft: null, overdue: false });
    await act(request.id, dpo.token, { action: 'refuse', reason: 'changed our mind entirely' }).expect(409);
  });

  it('D7: access and portability produce a complete, machine-readable export (JSON + CSV in a ZIP)', async () => {
    clock.set(new Date('2026-03-10T09:00:00Z'));
    const ann = await createClient(api.http, adminToken, { name: "Ann's Bakery", contactName: 'Ann Example', contactEmail: 'ann@bakery.example', contactPhone: '07700 900111' }, { email: 'ann@bakery.example' });
    await api.http
      .post('/marketing/consents')
      .set(bearer(dpo.token))
      .send({ subjectType: 'client_contact', clientId: ann.clientId, email: 'ann@bakery.example', wording: 'Send me news about CallVault services', channel: 'web_form', positiveAction: true, positiveActionDescription: 'ticked the unticked box' })
      .expect(201);
    const request = await createRequest({ type: 'portability', subject: { name: 'Ann Example', email: 'ANN@bakery.example' } });
    expect(request.controllerMatches.map((m: { kind: string }) => m.kind).sort()).toEqual(['client_contact', 'marketing_consent', 'user']);

    // Nothing is disclosed before the requester's identity is verified.
    expect((await api.http.get(`/dsr/${request.id}/export`).set(bearer(dpo.token)).expect(409)).body.code).toBe('identity_not_verified');
    await act(request.id, dpo.token, { action: 'complete' }).expect(409);
    await act(request.id, dpo.token, { action: 'verify_identity', method: 'document' }).expect(200);

    const files = await download(request.id, dpo.token);
    expect([...files.keys()].sort()).toEqual(['activity.csv', 'client_contacts.csv', 'data.json', 'manifest.json', 'marketing_consents.csv', 'users.csv']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({ format: 'callvault-dsr-export/1', requestId: request.id, scope: { dataRole: 'controller' } });
    for (const entry of manifest.files) {
      expect(createHash('sha256').update(files.get(entry.name)!).digest('hex')).toBe(entry.sha256);
    }
    const data = JSON.parse(files.get('data.json')!.toString());
    expect(data.users).toEqual([expect.objectContaining({ id: ann.userId, email: 'ann@bakery.example', role: 'client', clientId: ann.clientId })]);
    expect(data.client_contacts).toEqual([expect.objectContaining({ clientId: ann.clientId, contactName: 'Ann Example', contactPhone: '07700 900111' })]);
    expect(data.marketing_consents).toEqual([expect.objectContaining({ wording: 'Send me news about CallVault services', channel: 'web_form' })]);
    expect(data.activity.map((e: { action: string }) => e.action)).toContain('auth.login');
    expect(parseCsv(files.get('users.csv')!.toString())).toEqual([expect.objectContaining({ id: ann.userId, email: 'ann@bakery.example', role: 'client' })]);
    expect(parseCsv(files.get('client_contacts.csv')!.toString())[0]).toMatchObject({ contactName: 'Ann Example', contactEmail: 'ann@bakery.example' });
    const everything = [...files.values()].map((f) => f.toString()).join('\n');
    expect(everything).not.toMatch(/password|\$argon2/i);

    const done = (await act(request.id, dpo.token, { action: 'complete', note: 'Export sent by e-mail' }).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', exportedAt: clock.now().toISOString() });
    const events = (await api.http.get(`/audit?subjectId=${request.id}`).set(bearer(dpo.token)).expect(200)).body;
    expect(events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['dsr.create', 'dsr.search', 'dsr.verify_identity', 'dsr.export', 'dsr.complete']));
    expect(JSON.stringify(events)).not.toMatch(/ann@bakery|Ann Example/);
  });

  it('D7: restriction and objection mark the records so the refused purposes are refused', async () => {
    clock.set(new Date('2026-03-11T09:00:00Z'));
    const olga = await createClient(api.http, adminToken, { name: 'Olga Objects Ltd', contactName: 'Olga Object', contactEmail: 'olga@objects.example' });
    const exportContacts = async () => (await api.http.post('/marketing/exports').set(bearer(adminToken)).send({ source: 'client_contacts', channel: 'email' }).expect(200)).body;
    expect((await exportContacts()).recipients.map((r: { email: string }) => r.email)).toContain('olga@objects.example');

    const objection = await createRequest({ type: 'objection', subject: { email: 'olga@objects.example' }, verificationMethod: 'email_confirmation' });
    expect(objection.objectionPurposes).toEqual(['marketing']);
    const marked = (await act(objection.id, dpo.token, { action: 'restrict' }).expect(200)).body;
    expect(marked.reports[0].records).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'client_contact', id: olga.clientId, outcome: 'restricted' })]));
    await act(objection.id, dpo.token, { action: 'complete' }).expect(200);

    const after = await exportContacts();
    expect(after.recipients.map((r: { email: string }) => r.email)).not.toContain('olga@objects.example');
    expect(after.excluded.restricted).toBeGreaterThanOrEqual(1);

    const restriction = await createRequest({ type: 'restriction', subject: { email: 'olga@objects.example' }, verificationMethod: 'email_confirmation' });
    await act(restriction.id, dpo.token, { action: 'restrict' }).expect(200);
    const refused = await api.app.get(ProcessingRestrictions).refusedPurposes({ type: 'client_contact', id: olga.clientId });
    expect(refused).toEqual(['billing', 'marketing', 'quality_review', 'service_delivery']);
    await expect(api.app.get(ProcessingRestrictions).assertAllowed({ type: 'client_contact', id: olga.clientId }, 'service_delivery')).rejects.toMatchObject({ code: 'processing_restricted' });
    await expect(api.app.get(ProcessingRestrictions).assertAllowed({ type: 'client_contact', id: olga.clientId }, 'legal_obligation')).resolves.toBeUndefined();
  });

  it("D7: a caller's restriction or objection, instructed by the client, is enforced by the access policy", async () => {
    clock.set(new Date('2026-03-11T12:00:00Z'));
    const r = await createClientWithUsers(api.http, adminToken, 'Client R');
    const caller = { name: 'Rita Restricts', phone: '+44 7700 900777', email: 'rita@restricts.example' };
    const call = (await api.http.post('/calls').set(bearer(r.agent.token)).send({ clientId: r.clientId, callerNumber: caller.phone, startedAt: clock.now().toISOString() }).expect(201)).body;
    const log = () => api.http.post(`/calls/${call.id}/messages`).set(bearer(r.agent.token)).send({ callerName: caller.name, callerPhone: caller.phone, callerEmail: caller.email, body: 'Please ring back' });
    const message = (await log().expect(201)).body;
    // Rita opted in to marketing during the call: the operator may use her details.
    await api.http
      .post('/marketing/consents')
      .set(bearer(dpo.token))
      .send({ subjectType: 'caller', clientId: r.clientId, email: caller.email, wording: 'May we send you offers?', channel: 'in_call', positiveAction: true, positiveActionDescription: 'said yes when asked' })
      .expect(201);
    const marketing = () => api.http.post('/marketing/exports').set(bearer(adminToken)).send({ source: 'caller_data', channel: 'email', clientId: r.clientId, callerMessageIds: [message.id] });
    await marketing().expect(200);

    // She objects to marketing; client R instructs the objection on its records.
    const objection = await createRequest({ type: 'objection', subject: { email: caller.email }, verificationMethod: 'email_confirmation' });
    await act(objection.id, dpo.token, { action: 'restrict' }).expect(200);
    await act(objection.id, r.clientUser.token, { action: 'restrict' }).expect(200);
    const refusedExport = (await marketing().expect(403)).body;
    expect(refusedExport).toMatchObject({ code: 'processing_restricted', message: expect.stringContaining('marketing') });
    expect(JSON.stringify(refusedExport)).not.toMatch(/Rita|rita@/);
    await log().expect(201); // an objection to marketing leaves the service itself alone
    const listed = async (what = 'messages') => (await api.http.get(`/${what}`).set(bearer(r.clientUser.token)).expect(200)).body.map((m: { id: string }) => m.id);
    expect(await listed()).toContain(message.id);
    const recording = (await api.http.put(`/calls/${call.id}/recording`).set(bearer(r.agent.token)).set('Content-Type', 'audio/wav').send(wavBytes(2048)).expect(201)).body;
    expect(await listed('recordings')).toEqual([recording.id]);

    // Then she restricts processing altogether: the call is only stored, no longer worked on.
    const restriction = await createRequest({ type: 'restriction', subject: { phone: caller.phone }, verificationMethod: 'email_confirmation' });
    await act(restriction.id, dpo.token, { action: 'restrict' }).expect(200);
    await act(restriction.id, r.clientUser.token, { action: 'restrict' }).expect(200);
    expect((await log().expect(403)).body).toMatchObject({ code: 'processing_restricted' });
    expect(await listed()).toEqual([]); // only stored now: her messages and recording leave the client's lists too
    expect(await listed('recordings')).toEqual([]);
    const denied = (await api.http.get(`/audit?action=message.create&clientId=${r.clientId}`).set(bearer(dpo.token)).expect(200)).body;
    expect(denied.filter((e: { outcome: string }) => e.outcome === 'denied')).toEqual([expect.objectContaining({ details: expect.objectContaining({ reason: 'processing_restricted' }) })]);
  });

  it('D9: erasure erases or anonymises, and reports each record kept under a retention hold with its reason', async () => {
    clock.set(new Date('2026-03-12T09:00:00Z'));
    const person = { name: 'Bob Stone', email: 'bob.stone@example.org', phone: '07700 900222' };
    const live = await createClient(api.http, adminToken, { name: 'Stone Masons (live)', contactName: person.name, contactEmail: person.email }, { email: person.email });
    const recent = await createClient(api.http, adminToken, { name: 'Stone Old Co', contactName: person.name, contactEmail: person.email });
    const ancient = await createClient(api.http, adminToken, { name: 'Stone Ancient Co', contactName: person.name, contactPhone: '+44 7700 900222' });
    await terminateClient(api.http, adminToken, recent.clientId, new Date('2024-01-31T00:00:00Z'));
    await terminateClient(api.http, adminToken, ancient.clientId, new Date('2018-06-30T00:00:00Z'));
    // Caller data at client A: a call from Bob's number with a message and an encrypted recording.
    const callId = await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900222', startedAt: new Date('2026-03-01T10:00:00Z'), endedAt: new Date('2026-03-01T10:03:00Z') });
    const messageId = await seedMessage(env.config, { clientId: a.clientId, callId, name: 'Bob Stone', phone: '+44 7700 900222', body: 'Bob asks for a quote' });
    const dataKey = await api.app.get(KeyStore).createDataKey(a.clientId);
    const recording = await seedRecording(env.config, { clientId: a.clientId, callId, dataKeyId: dataKey.id, storedAt: new Date('2026-03-01T10:04:00Z') });
    await api.app.get(ObjectStorage).put(recording.storageKey, Readable.from([Buffer.alloc(64, 1)]));

    const request = await createRequest({ type: 'erasure', subject: person });
    await act(request.id, dpo.token, { action: 'erase' }).expect(409); // identity first
    await act(request.id, dpo.token, { action: 'verify_identity', method: 'account_login' }).expect(200);
    const erased = (await act(request.id, dpo.token, { action: 'erase' }).expect(200)).body;
    const records = erased.reports[0].records as { kind: string; id: string; outcome: string; hold?: { basis: string; reason: string; until: string | null } }[];
    const find = (kind: string, id: string) => records.find((r) => r.kind === kind && r.id === id);

    expect(find('user', live.userId!)).toMatchObject({ outcome: 'anonymised', hold: { basis: 'legal_obligation', reason: expect.stringContaining('audit') } });
    expect(find('client_contact', live.clientId)).toMatchObject({ outcome: 'kept', hold: { basis: 'contract', reason: expect.stringContaining('7 years') } });
    expect(find('client_contact', recent.clientId)).toMatchObject({ outcome: 'kept', hold: { basis: 'invoicing', until: '2031-01-31T00:00:00.000Z' } });
    expect(find('client_contact', ancient.clientId)).toMatchObject({ outcome: 'erased' });
    expect(records.filter((r) => r.kind === 'suppression_entry')).toHaveLength(2);
    // Nothing is skipped silently: every record kept carries its hold and reason.
    for (const record of records) {
      if (record.outcome === 'kept' || record.outcome === 'anonymised') expect(record.hold?.reason?.length).toBeGreaterThan(20);
      else expect(record.outcome).toBe('erased');
    }
    const [user] = await ownerQuery<{ email: string; disabled_at: Date }>(env.config, 'SELECT email, disabled_at FROM users WHERE id = $1', [live.userId]);
    expect(user.email).toBe(`erased+${live.userId}@erased.invalid`);
    expect(user.disabled_at).not.toBeNull();
    const contacts = await ownerQuery<{ id: string; contact_name: string | null }>(env.config, 'SELECT id, contact_name FROM clients WHERE id = ANY($1)', [[live.clientId, ancient.clientId]]);
    expect(Object.fromEntries(contacts.map((c) => [c.id, c.contact_name]))).toEqual({ [live.clientId]: person.name, [ancient.clientId]: null });

    // The caller data went to client A, which instructs the erasure; the call is kept for invoicing, anonymised.
    expect(erased.forwards).toEqual([expect.objectContaining({ clientId: a.clientId, status: 'awaiting_client' })]);
    const answer = (await act(request.id, a.clientUser.token, { action: 'erase' }).expect(200)).body;
    const callerRecords = answer.reports[0].records;
    expect(callerRecords).toEqual(
      expect.arrayContaining([
        { kind: 'recording', id: recording.id, outcome: 'erased', note: expect.any(String) },
        { kind: 'caller_message', id: messageId, outcome: 'erased' },
        { kind: 'call', id: callId, outcome: 'anonymised', hold: { basis: 'invoicing', reason: expect.stringContaining('invoice'), until: null } },
      ]),
    );
    expect(await ownerQuery(env.config, 'SELECT id FROM caller_messages WHERE id = $1', [messageId])).toEqual([]);
    expect(await ownerQuery(env.config, 'SELECT caller_number, started_at, ended_at FROM calls WHERE id = $1', [callId])).toEqual([
      { caller_number: 'erased', started_at: new Date('2026-03-01T10:00:00Z'), ended_at: new Date('2026-03-01T10:03:00Z') },
    ]);
    expect(await ownerQuery(env.config, 'SELECT id FROM data_keys WHERE id = $1', [dataKey.id])).toEqual([]);
    expect(await ownerQuery(env.config, 'SELECT status FROM recordings WHERE id = $1', [recording.id])).toEqual([{ status: 'deleted' }]);
    expect(await api.app.get(ObjectStorage).exists(recording.storageKey)).toBe(false);

    // Reported back to the DPO, and audited by id only.
    const seen = (await api.http.get(`/dsr/${request.id}`).set(bearer(dpo.token)).expect(200)).body;
    expect(seen.forwards[0]).toMatchObject({ status: 'closed', lastInstruction: 'erase', reports: [expect.objectContaining({ operation: 'erase', summary: { erased: 2, anonymised: 1 } })] });
    await act(request.id, dpo.token, { action: 'complete' }).expect(200);
    const events = (await api.http.get('/audit?action=dsr.erase.record&limit=1000').set(bearer(dpo.token)).expect(200)).body;
    expect(events.length).toBeGreaterThanOrEqual(records.length + callerRecords.length);
    expect(JSON.stringify(events)).not.toMatch(/bob|Stone|7700 ?900222/i);
  });

  it('D10: requests about caller data are forwarded to each owning client with a 24 h clock, and only that client sees its part', async () => {
    clock.set(new Date('2026-03-16T12:00:00Z'));
    const carol = { name: 'Carol Caller', phone: '+44 7700 900333', email: 'carol@example.net' };
    const callA = await seedCall(env.config, { clientId: a.clientId, callerNumber: '07700 900333', startedAt: new Date('2026-03-10T09:00:00Z') });
    const messageA = await seedMessage(env.config, { clientId: a.clientId, callId: callA, name: 'carol  CALLER', phone: '07700900333', body: 'Carol wants a table for four' });
    const callB = await seedCall(env.config, { clientId: b.clientId, callerNumber: '+44 20 7946 0000', startedAt: new Date('2026-03-11T09:00:00Z') });
    const messageB = await seedMessage(env.config, { clientId: b.clientId, callId: callB, name: 'C.', phone: '+44 20 7946 0000', email: 'Carol@Example.net', body: 'Carol asks about her order' });

    // Received two hours ago by post: the clients must have it within 24 hours of receipt.
    const request = await createRequest({ type: 'access', subject: carol, receivedAt: '2026-03-16T10:00:00Z' });
    expect(request.forwards.map((f: { clientId: string }) => f.clientId).sort()).toEqual([a.clientId, b.clientId].sort());
    for (const forward of request.forwards) {
      expect(forward).toMatchObject({ status: 'awaiting_client', forwardedAt: '2026-03-16T12:00:00.000Z', forwardedDueAt: '2026-03-17T10:00:00.000Z', forwardedLate: false });
    }
    // The DPO sees ids and where they are, never the caller content.
    expect(JSON.stringify(request.forwards)).not.toMatch(/table for four|her order/);

    const inboxA = (await api.http.get('/dsr').set(bearer(a.clientUser.token)).expect(200)).body;
    expect(inboxA).toHaveLength(1);
    expect(inboxA[0]).toMatchObject({ id: request.id, type: 'access', subject: carol, forwardedDueAt: '2026-03-17T10:00:00.000Z', status: 'awaiting_client' });
    expect(inboxA[0].matches).toEqual([
      { kind: 'call', id: callA, matchedOn: ['phone'] },
      { kind: 'caller_message', id: messageA, matchedOn: ['name', 'phone', 'call'] },
    ]);
    const inboxB = (await api.http.get('/dsr').set(bearer(b.clientUser.token)).expect(200)).body;
    expect(inboxB[0].matches).toEqual([{ kind: 'caller_message', id: messageB, matchedOn: ['email'] }]);
    expect(JSON.stringify(inboxA)).not.toContain(messageB);
    expect(JSON.stringify(inboxB)).not.toContain(messageA);
    // A client with no records of the person sees nothing of it.
    expect((await api.http.get('/dsr').set(bearer(c.clientUser.token)).expect(200)).body).toEqual([]);
    await api.http.get(`/dsr/${request.id}`).set(bearer(c.clientUser.token)).expect(404);
    await act(request.id, c.clientUser.token, { action: 'export' }).expect(404);
    // Caller data is the client's to decide on: the DPO cannot instruct for it, nor an agent.
    expect((await act(request.id, dpo.token, { action: 'export' }).expect(400)).body.message).toMatch(/controlling client/);
    await api.http.get('/dsr').set(bearer(a.agent.token)).expect(403);

    // Client A answers "export": carried out and reported; its export holds its own records only.
    await api.http.get(`/dsr/${request.id}/export`).set(bearer(a.clientUser.token)).expect(409);
    const answered = (await act(request.id, a.clientUser.token, { action: 'export' }).expect(200)).body;
    expect(answered).toMatchObject({ status: 'answered', lastInstruction: 'export', answeredAt: clock.now().toISOString() });
    // The person's messages go to the client through the one-time delivery mechanism (password shown once).
    expect(answered.delivery).toMatchObject({ id: expect.any(String), password: expect.any(String), messageCount: 1, recordingCount: 0 });
    expect(answered.reports[0]).toMatchObject({ operation: 'export', deliveryId: answered.delivery.id });
    const delivered = await api.http.get(answered.delivery.downloadUrl).auth(answered.delivery.id, answered.delivery.password).buffer(true).parse(binary).expect(200);
    const deliveredFiles = await unzip(delivered.body as Buffer);
    expect(JSON.parse(deliveredFiles.get('messages.json')!.toString()).messages).toEqual([expect.objectContaining({ id: messageA, body: 'Carol wants a table for four' })]);
    const files = await download(request.id, a.clientUser.token);
    const messages = parseCsv(files.get('caller_messages.csv')!.toString());
    expect(messages).toEqual([expect.objectContaining({ id: messageA, body: 'Carol wants a table for four', callerPhone: '07700900333' })]);
    // data.json carries the listed columns only, as the CSV does: nothing else a stored row holds.
    const exported = JSON.parse(files.get('data.json')!.toString());
    expect(Object.keys(exported.caller_messages[0])).toEqual(['id', 'callId', 'createdAt', 'callerName', 'callerPhone', 'callerEmail', 'body', 'urgency', 'callbackRequested', 'customFields', 'deliveredAt']);
    expect(JSON.parse(files.get('manifest.json')!.toString()).scope).toEqual({ dataRole: 'processor', clientId: a.clientId });
    expect([...files.values()].map((f) => f.toString()).join('')).not.toContain('her order');
    // Client B refuses, with its reason; the forward closes and the DPO sees both answers.
    await act(request.id, b.clientUser.token, { action: 'refuse', reason: 'no' }).expect(400);
    await act(request.id, b.clientUser.token, { action: 'refuse', reason: 'Order records are needed for a pending legal claim' }).expect(200);
    await act(request.id, b.clientUser.token, { action: 'erase' }).expect(409);
    const seen = (await api.http.get(`/dsr/${request.id}`).set(bearer(dpo.token)).expect(200)).body;
    const byClient = Object.fromEntries(seen.forwards.map((f: { clientId: string }) => [f.clientId, f]));
    expect(byClient[a.clientId]).toMatchObject({ status: 'answered', lastInstruction: 'export' });
    expect(byClient[b.clientId]).toMatchObject({ status: 'closed', lastInstruction: 'refuse', reports: [expect.objectContaining({ reason: 'Order records are needed for a pending legal claim' })] });
    // Each client's trail shows the forward; the DPO's forward event names the client only by id.
    const trailA = (await api.http.get('/audit?action=dsr.forward').set(bearer(a.clientUser.token)).expect(200)).body;
    expect(trailA.length).toBeGreaterThanOrEqual(1);
    expect(new Set(trailA.map((e: { clientId: string }) => e.clientId))).toEqual(new Set([a.clientId]));

    // A namesake elsewhere is not the requester: with an e-mail or phone given, a name alone matches nothing.
    const namesakeCall = await seedCall(env.config, { clientId: c.clientId, callerNumber: '+44 20 7946 0999', startedAt: new Date('2026-03-12T09:00:00Z') });
    await seedMessage(env.config, { clientId: c.clientId, callId: namesakeCall, name: 'Carol Caller', phone: '+44 20 7946 0999', body: 'Another Carol entirely' });
    const again = await createRequest({ type: 'access', subject: carol, receivedAt: '2026-03-16T10:00:00Z' });
    expect(again.forwards.map((f: { clientId: string }) => f.clientId).sort()).toEqual([a.clientId, b.clientId].sort());
    // A request giving only a name does reach the namesake's client: that client, the controller, decides.
    const byName = await createRequest({ type: 'access', subject: { name: 'Carol Caller' } });
    expect(byName.forwards.map((f: { clientId: string }) => f.clientId).sort()).toEqual([a.clientId, c.clientId].sort());

    // A request entered later than 24 hours after receipt is flagged as forwarded late.
    const lateOne = await createRequest({ type: 'erasure', subject: { phone: carol.phone }, receivedAt: '2026-03-15T06:00:00Z' });
    expect(lateOne.forwards[0]).toMatchObject({ clientId: a.clientId, forwardedDueAt: '2026-03-16T06:00:00.000Z', forwardedLate: true });
  });
});
