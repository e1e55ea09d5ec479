import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManualClock } from '#clock';
import { dataSourceOptions } from '#database';
import { schema } from '#platform';
import { UsageLedger1700000001510 } from '../../libs/usage/src/migrations/1700000001510-UsageLedger';
import { wavBytes } from '../support/audio';
import { basic, requestDownload, sha256 } from '../support/deliveries-helpers';
import { startS3Endpoint, S3Endpoint } from '../support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from '../support/test-app';
import { parseCsv } from './compliance-fixtures';

const DAY = 24 * 3_600_000;
const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Issue 13, point 3: caller data of active clients is erased after its retention period; usage reports never change. */
describe('compliance: retention for active clients, and the usage ledger', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let s3: S3Endpoint;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;

  const user = async (role: string, clientId?: string) => {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(bearer(admin)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return { id: created.body.id as string, token: await login(api.http, email, PASSWORD) };
  };
  const client = async (name: string, instructions: Record<string, unknown> = {}) => {
    const clientId: string = (await api.http.post('/clients').set(bearer(admin)).send({ name, instructions }).expect(201)).body.id;
    const key: string = (await api.http.post(`/clients/${clientId}/ingest-keys`).set(bearer(admin)).send({}).expect(201)).body.key;
    return { clientId, key, token: (await user('client', clientId)).token };
  };
  const message = (body: string) => ({ callerName: 'Rita Caller', callerPhone: '+447700900777', body });
  const retention = async () => (await api.http.post('/retention/run').set(bearer(admin)).expect(200)).body;
  const usage = async (clientId: string, token: string) => ({
    json: (await api.http.get(`/clients/${clientId}/usage?from=2026-03-01&to=2026-03-31`).set(bearer(token)).expect(200)).body,
    csv: (await api.http.get(`/clients/${clientId}/usage?from=2026-03-01&to=2026-03-31&format=csv`).set(bearer(token)).expect(200)).text,
  });
  const messagesLeft = async (clientId: string) =>
    (await ownerQuery<{ id: string }>(env.config, 'SELECT id FROM caller_messages WHERE client_id = $1 ORDER BY id', [clientId])).map((m) => m.id);
  const callsOf = (clientId: string) =>
    ownerQuery<{ id: string; caller_number: string; external_ref: string | null; started_at: Date; ended_at: Date | null }>(
      env.config,
      'SELECT id, caller_number, external_ref, started_at, ended_at FROM calls WHERE client_id = $1',
      [clientId],
    );

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    admin = await loginAdmin(api.http);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.stop();
  });

  it('erases messages past callerDataRetentionDays (from delivery, or creation when never delivered), anonymises their calls, and leaves the usage report unchanged', async () => {
    const keep = await client('Keep Co', { callerDataRetentionDays: 30 });
    const patient = await client('Patient Co'); // the default 90 days
    const agent = await user('agent');

    // 10 March: the phone system creates two calls; the agent takes three messages; one recording arrives.
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    const call1 = (await api.http.post('/calls').set('X-Ingest-Key', keep.key).send({ externalRef: 'pbx-1', callerNumber: '+447700900777', startedAt: at(0), endedAt: at(185_000) }).expect(201)).body;
    const call2 = (await api.http.post('/calls').set('X-Ingest-Key', keep.key).send({ externalRef: 'pbx-2', callerNumber: '+447700900778', startedAt: at(0) }).expect(201)).body;
    await api.http.post('/calls').set('X-Ingest-Key', keep.key).send({ externalRef: 'pbx-2', callerNumber: '+447700900778', startedAt: at(0), endedAt: at(30_000) }).expect(200);
    const add = async (callId: string, body: string) => (await api.http.post(`/calls/${callId}/messages`).set(bearer(agent.token)).send(message(body)).expect(201)).body.id as string;
    const neverDelivered = await add(call1.id, 'first message');
    const delivered = await add(call1.id, 'second message');
    const other = await add(call2.id, 'third message');
    await api.http.put(`/calls/${call1.id}/recording`).set('X-Ingest-Key', keep.key).set('Content-Type', 'audio/wav').send(wavBytes(4096)).expect(201);
    const patientCall = (await api.http.post('/calls').set('X-Ingest-Key', patient.key).send({ externalRef: 'p-1', callerNumber: '+447700900779', startedAt: at(0) }).expect(201)).body;
    const patientMessage = await add(patientCall.id, 'patient message');

    // 20 March: the client takes one message away in a delivery.
    clock.advance(10 * DAY);
    const created = (await api.http.post('/deliveries').set(bearer(keep.token)).send({ messageIds: [delivered] }).expect(201)).body;
    const download = await requestDownload(api, created.id, { authorization: basic(created.id, created.password) });
    expect(download.status).toBe(200);
    // Where downloads wait for a confirmed receipt, this confirms it; where the download alone consumes, it changes nothing.
    await api.http.post(`/deliveries/${created.id}/receipt`).set('Authorization', basic(created.id, created.password)).send({ sha256: sha256(download.body) });
    const [{ delivered_at }] = await ownerQuery<{ delivered_at: Date }>(env.config, 'SELECT delivered_at FROM caller_messages WHERE id = $1', [delivered]);
    expect(delivered_at.toISOString()).toBe('2026-03-20T09:00:00.000Z');

    const march = await usage(keep.clientId, keep.token);
    expect(march.json.total).toEqual({ calls: 2, minutes: 5, messages: 3, recordingsReceived: 1, recordingsDeleted: 0, deliveries: 1 });
    expect(march.json.days.find((d: { date: string }) => d.date === '2026-03-10')).toMatchObject({ calls: 2, minutes: 5, messages: 3, recordingsReceived: 1 });
    expect(parseCsv(march.csv).at(-1)).toMatchObject({ date: 'total', calls: '2', minutes: '5', messages: '3', deliveries: '1' });

    // 9 April, 08:59: not yet 30 days since creation; nothing goes.
    clock.set(new Date('2026-04-09T08:59:00Z'));
    expect((await retention()).activeClients).toEqual([]);
    expect(await messagesLeft(keep.clientId)).toEqual([neverDelivered, delivered, other].sort());

    // 10 April: 31 days since creation, 21 since delivery. The two never-delivered messages go; the
    // call left without messages is anonymised (kept for invoicing); the delivered one waits.
    clock.set(new Date('2026-04-10T09:00:00Z'));
    const april = await retention();
    expect(april.activeClients).toEqual([{ clientId: keep.clientId, messages: 2, callsAnonymised: 1 }]);
    expect(april.callerData).toEqual([]);
    expect(await messagesLeft(keep.clientId)).toEqual([delivered]);
    expect(await messagesLeft(patient.clientId)).toEqual([patientMessage]);
    const calls = await callsOf(keep.clientId);
    expect(calls.find((c) => c.id === call2.id)).toMatchObject({ caller_number: 'erased', external_ref: null, ended_at: new Date('2026-03-10T09:00:30Z') });
    expect(calls.find((c) => c.id === call1.id)).toMatchObject({ caller_number: '+447700900777', external_ref: 'pbx-1' });

    // Erased: the report for March is exactly what it was, as JSON and as CSV.
    expect(await usage(keep.clientId, keep.token)).toEqual(march);

    // Each erasure is audited by record id with its rule (and the hold for a kept call), as the system, with no caller data.
    const events = await ownerQuery<{ action: string; subject_type: string; subject_id: string; actor_role: string; details: Record<string, unknown> }>(
      env.config,
      `SELECT action, subject_type, subject_id, actor_role, details FROM audit_events WHERE action LIKE 'retention.%' AND client_id = $1 ORDER BY id`,
      [keep.clientId],
    );
    expect(events.map((e) => [e.action, e.subject_type, e.subject_id, e.details])).toEqual(
      expect.arrayContaining([
        ['retention.caller_message.erase', 'caller_message', neverDelivered, { rule: 'active_client', hold: null }],
        ['retention.caller_message.erase', 'caller_message', other, { rule: 'active_client', hold: null }],
        ['retention.caller_message.erase', 'client', keep.clientId, { count: 2 }],
        ['retention.call.anonymise', 'call', call2.id, { rule: 'active_client', hold: 'invoicing' }],
        ['retention.call.anonymise', 'client', keep.clientId, { count: 1 }],
      ]),
    );
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.actor_role === 'system')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Rita|7700 ?900|first message/);

    // 20 April: 31 days since its delivery, the delivered message goes too, and its call is anonymised.
    clock.set(new Date('2026-04-20T09:00:00Z'));
    expect((await retention()).activeClients).toEqual([{ clientId: keep.clientId, messages: 1, callsAnonymised: 1 }]);
    expect(await messagesLeft(keep.clientId)).toEqual([]);
    expect((await callsOf(keep.clientId)).map((c) => c.caller_number)).toEqual(['erased', 'erased']);
    expect(await usage(keep.clientId, keep.token)).toEqual(march);
    // Idempotent: the next run finds nothing more.
    expect((await retention()).activeClients).toEqual([]);
    expect(await messagesLeft(patient.clientId)).toEqual([patientMessage]);
  });

  it('keeps the ledger append-only and free of personal data', async () => {
    const rows = await ownerQuery<Record<string, unknown>>(env.config, 'SELECT * FROM usage_ledger LIMIT 50');
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]).sort()).toEqual(['client_id', 'id', 'kind', 'occurred_at', 'quantity', 'recorded_at', 'source_id']);
    await expect(ownerQuery(env.config, 'UPDATE usage_ledger SET quantity = 0')).rejects.toThrow(/append-only/);
    await expect(ownerQuery(env.config, 'DELETE FROM usage_ledger')).rejects.toThrow(/append-only/);
    await expect(ownerQuery(env.config, 'TRUNCATE usage_ledger')).rejects.toThrow(/append-only/);
    const [grants] = await ownerQuery<{ can_insert: boolean; can_update: boolean; can_delete: boolean }>(
      env.config,
      `SELECT has_table_privilege(callvault_app_role(), 'usage_ledger', 'INSERT') AS can_insert,
              has_table_privilege(callvault_app_role(), 'usage_ledger', 'UPDATE') AS can_update,
              has_table_privilege(callvault_app_role(), 'usage_ledger', 'DELETE') AS can_delete`,
    );
    expect(grants).toEqual({ can_insert: true, can_update: false, can_delete: false });
  });

  // Last: it rebuilds this database's ledger.
  it('the migration backfills the ledger from the rows that exist when it runs', async () => {
    const backfilled = await client('Backfilled Co');
    const callId = (await api.http.post('/calls').set('X-Ingest-Key', backfilled.key).send({ externalRef: 'old-1', callerNumber: '+447700900780', startedAt: '2026-02-01T10:00:00Z', endedAt: '2026-02-01T10:01:01Z' }).expect(201)).body.id;
    const agent = await user('agent');
    await api.http.post(`/calls/${callId}/messages`).set(bearer(agent.token)).send(message('old message')).expect(201);
    const before = (await api.http.get(`/clients/${backfilled.clientId}/usage?from=2026-02-01&to=2026-04-30`).set(bearer(admin)).expect(200)).body.total;
    expect(before).toMatchObject({ calls: 1, minutes: 2, messages: 1 });

    // Drop the ledger (as the owner, triggers aside) and run the migration again over the same rows.
    const owner = await new DataSource(dataSourceOptions(env.config.databaseUrl, schema, { as: 'owner', poolSize: 1 })).initialize();
    try {
      await owner.query('DROP TABLE usage_ledger');
      await owner.query('DROP FUNCTION usage_ledger_refuse_change()');
      const runner = owner.createQueryRunner();
      await runner.startTransaction();
      await new UsageLedger1700000001510().up(runner);
      await runner.commitTransaction();
      await runner.release();
    } finally {
      await owner.destroy();
    }
    const after = (await api.http.get(`/clients/${backfilled.clientId}/usage?from=2026-02-01&to=2026-04-30`).set(bearer(admin)).expect(200)).body.total;
    expect(after).toEqual(before);
  });
});
