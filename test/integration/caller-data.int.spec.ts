import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallerDataErasureModule, CallerDataSubjects, RecordingVaultModule } from '#calls';
import { ClientsModule, ClientsService } from '#clients';
import { ManualClock } from '#clock';
import { KeyStore } from '#crypto';
import { TenantScope } from '#database';
import { DeletionModule, DeletionSweeper } from '#deliveries';
import { ownerQuery } from '../support/test-app';
import { startIntegrationTier } from '../support/integration-tier';
import type { TestEnvironment } from '../support/test-environment';

/**
 * The middle tier: the calls and deliveries libraries' services and repositories against a real,
 * migrated Postgres (the application's restricted login, row-level security on), no HTTP. Fixtures are
 * written through the same login inside the owning client's tenant scope.
 */
describe('caller data against Postgres (integration, no HTTP)', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let env: TestEnvironment;
  let app: INestApplicationContext;
  let scope: TenantScope;
  let clients: ClientsService;

  beforeAll(async () => {
    ({ env, app } = await startIntegrationTier(clock, [ClientsModule, RecordingVaultModule, CallerDataErasureModule, DeletionModule]));
    scope = app.get(TenantScope);
    clients = app.get(ClientsService);
  });

  afterAll(async () => {
    await app?.close();
    await env?.destroy();
  });

  const newClient = async (name: string) => (await clients.create({ name }, { id: null, role: 'system' })).client.id;

  /** A call with one message and (optionally) a stored recording under a real data key. */
  async function callWithMessage(clientId: string, caller: { number: string; name: string; email?: string }, recording?: { retainUntil: Date }) {
    const callId = randomUUID();
    const messageId = randomUUID();
    const recordingId = randomUUID();
    await scope.run(clientId, async (tx: EntityManager) => {
      await tx.query(`INSERT INTO calls (id, client_id, agent_id, caller_number, started_at, instructions_version) VALUES ($1, $2, $3, $4, $5, 1)`, [
        callId,
        clientId,
        randomUUID(),
        caller.number,
        clock.now(),
      ]);
      await tx.query(
        `INSERT INTO caller_messages (id, client_id, call_id, agent_id, caller_name, caller_phone, caller_email, body, instructions_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'Please call back', 1)`,
        [messageId, clientId, callId, randomUUID(), caller.name, caller.number, caller.email ?? null],
      );
      if (recording) {
        const key = await app.get(KeyStore).createDataKey(clientId, tx);
        await tx.query(
          `INSERT INTO recordings (id, client_id, call_id, status, content_type, storage_key, data_key_id, uploaded_by, uploaded_via, instructions_version, retain_until)
           VALUES ($1, $2, $3, 'stored', 'audio/wav', $4, $5, $6, 'agent', 1, $7)`,
          [recordingId, clientId, callId, `recordings/${clientId}/${recordingId}`, key.id, randomUUID(), recording.retainUntil],
        );
      }
    });
    return { callId, messageId, recordingId: recording ? recordingId : null };
  }

  it("finds a person's caller records across clients however the number was written, and never by a namesake's name alone when more was given", async () => {
    const [a, b] = [await newClient('Alder Dental'), await newClient('Birch Vets')];
    const atA = await callWithMessage(a, { number: '07700 900123', name: 'Rowan Hale' }, { retainUntil: new Date('2026-06-01T00:00:00Z') });
    const atB = await callWithMessage(b, { number: '+44 7700-900 123', name: 'R. Hale', email: 'rowan@example.org' });
    const namesake = await callWithMessage(b, { number: '+44 7700 900999', name: 'Rowan Hale' });
    const subjects = app.get(CallerDataSubjects);
    const search = (keys: Parameters<CallerDataSubjects['matchesByClient']>[1]) => scope.runAcrossClients('data_subject_search', (tx) => subjects.matchesByClient(tx, keys));

    const byPhone = await search({ email: null, phones: ['447700900123', '00447700900123', '07700900123'], name: 'rowan hale', nameAlone: false });
    expect([...byPhone.keys()].sort()).toEqual([a, b].sort());
    expect(byPhone.get(a)).toEqual([
      { kind: 'call', id: atA.callId, matchedOn: ['phone'] },
      { kind: 'caller_message', id: atA.messageId, matchedOn: ['name', 'phone', 'call'] },
      { kind: 'recording', id: atA.recordingId, matchedOn: ['call'] },
    ]);
    expect(byPhone.get(b)!.map((m) => m.id)).not.toContain(namesake.messageId);

    const byNameAlone = await search({ email: null, phones: [], name: 'rowan hale', nameAlone: true });
    expect(byNameAlone.get(b)).toEqual([{ kind: 'caller_message', id: namesake.messageId, matchedOn: ['name'] }]);
    expect(atB.recordingId).toBeNull();
  });

  it('erases one client\'s records in one transaction: key destroyed, recording deleted and counted once, message gone, call kept without the number', async () => {
    const clientId = await newClient('Cedar Law');
    const rec = await callWithMessage(clientId, { number: '+44 7700 900456', name: 'Sam Lowe' }, { retainUntil: new Date('2026-06-01T00:00:00Z') });
    const subjects = app.get(CallerDataSubjects);
    const ids = { callIds: [rec.callId], messageIds: [rec.messageId], recordingIds: [rec.recordingId!] };
    const [{ data_key_id: keyId }] = await ownerQuery<{ data_key_id: string }>(env.config, `SELECT data_key_id FROM recordings WHERE id = $1`, [rec.recordingId]);

    const first = await scope.run(clientId, (tx) => subjects.erase(tx, clientId, ids, clock.now()));
    expect(first).toEqual({ recordings: [rec.recordingId], messages: [rec.messageId], calls: [rec.callId], objectKeys: [`recordings/${clientId}/${rec.recordingId}`] });
    const again = await scope.run(clientId, (tx) => subjects.erase(tx, clientId, ids, clock.now()));
    expect(again).toEqual({ recordings: [rec.recordingId], messages: [], calls: [rec.callId], objectKeys: [] });

    const [recording] = await ownerQuery<{ status: string; data_key_id: string | null }>(env.config, `SELECT status, data_key_id FROM recordings WHERE id = $1`, [rec.recordingId]);
    expect(recording).toEqual({ status: 'deleted', data_key_id: null });
    expect(await ownerQuery(env.config, `SELECT 1 FROM data_keys WHERE id = $1`, [keyId])).toHaveLength(0);
    expect(await ownerQuery(env.config, `SELECT 1 FROM caller_messages WHERE id = $1`, [rec.messageId])).toHaveLength(0);
    const [call] = await ownerQuery<{ caller_number: string }>(env.config, `SELECT caller_number FROM calls WHERE id = $1`, [rec.callId]);
    expect(call.caller_number).toBe('erased');
    const [{ n }] = await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM usage_ledger WHERE kind = 'recording_deleted' AND source_id = $1`, [rec.recordingId]);
    expect(n).toBe(1);
  });

  it('rolls the erasure back with the transaction it runs in: nothing is half-written', async () => {
    const clientId = await newClient('Damson Dental');
    const rec = await callWithMessage(clientId, { number: '+44 7700 900789', name: 'Ada Crane' }, { retainUntil: new Date('2026-06-01T00:00:00Z') });
    const subjects = app.get(CallerDataSubjects);
    await expect(
      scope.run(clientId, async (tx) => {
        await subjects.erase(tx, clientId, { callIds: [rec.callId], messageIds: [rec.messageId], recordingIds: [rec.recordingId!] }, clock.now());
        throw new Error('the caller failed after the erasure');
      }),
    ).rejects.toThrow('the caller failed after the erasure');
    const [recording] = await ownerQuery<{ status: string; data_key_id: string | null }>(env.config, `SELECT status, data_key_id FROM recordings WHERE id = $1`, [rec.recordingId]);
    expect(recording.status).toBe('stored');
    expect(recording.data_key_id).toEqual(expect.any(String));
    expect(await ownerQuery(env.config, `SELECT 1 FROM caller_messages WHERE id = $1`, [rec.messageId])).toHaveLength(1);
  });

  it('schedules every recording past its retention exactly once, across more than one page of the calls library\'s answer', async () => {
    const clientId = await newClient('Elm Opticians');
    const past = new Date(clock.now().getTime() - 60_000);
    // 520 recordings past retention: more than one page (500) of RecordingDisposal.pastRetention.
    await scope.run(clientId, async (tx) => {
      await tx.query(
        `WITH c AS (
           INSERT INTO calls (id, client_id, agent_id, caller_number, started_at, instructions_version)
           SELECT gen_random_uuid(), $1, gen_random_uuid(), '+447700900' || lpad(i::text, 3, '0'), $2, 1 FROM generate_series(1, 520) AS i RETURNING id)
         INSERT INTO recordings (id, client_id, call_id, status, content_type, storage_key, uploaded_by, uploaded_via, instructions_version, retain_until)
         SELECT gen_random_uuid(), $1, c.id, 'stored', 'audio/wav', 'recordings/' || c.id, gen_random_uuid(), 'agent', 1, $3 FROM c`,
        [clientId, clock.now(), past],
      );
    });
    const sweeper = app.get(DeletionSweeper);
    const first = await sweeper.sweepRetention();
    expect(first.recordingsDue).toBeGreaterThanOrEqual(520);
    const second = await sweeper.sweepRetention();
    expect(second.recordingsDue).toBe(0);
    const [{ rows, recordings }] = await ownerQuery<{ rows: number; recordings: number }>(
      env.config,
      `SELECT count(*)::int AS rows, count(DISTINCT recording_id)::int AS recordings FROM deletion_outbox WHERE client_id = $1 AND reason = 'retention'`,
      [clientId],
    );
    expect({ rows, recordings }).toEqual({ rows: 520, recordings: 520 });
  });
});
