import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { Entry, fromBuffer, ZipFile } from 'yauzl';
import type { AppConfig } from '#config';
import { login, ownerQuery } from '../support/test-app';

/**
 * Caller data written straight into the suite's database (as the owner, past row-level security), so
 * the compliance suites control every timestamp and do not depend on the capture routes. Each seed
 * also writes the usage-ledger entries the capture services write in the same transaction.
 */
export async function seedCall(
  config: AppConfig,
  call: { clientId: string; callerNumber: string; startedAt: Date; endedAt?: Date | null; createdAt?: Date },
): Promise<string> {
  const id = randomUUID();
  await ownerQuery(
    config,
    `INSERT INTO calls (id, client_id, agent_id, caller_number, started_at, ended_at, instructions_version, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7)`,
    [id, call.clientId, randomUUID(), call.callerNumber, call.startedAt, call.endedAt ?? null, call.createdAt ?? call.startedAt],
  );
  await seedUsage(config, call.clientId, id, 'call', call.startedAt);
  if (call.endedAt) await seedUsage(config, call.clientId, id, 'call_minutes', call.startedAt, Math.ceil((call.endedAt.getTime() - call.startedAt.getTime()) / 60_000));
  return id;
}

export async function seedMessage(
  config: AppConfig,
  message: { clientId: string; callId: string; name: string; phone: string; email?: string | null; body: string; createdAt?: Date },
): Promise<string> {
  const id = randomUUID();
  await ownerQuery(
    config,
    `INSERT INTO caller_messages (id, client_id, call_id, agent_id, caller_name, caller_phone, caller_email, body, instructions_version, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, coalesce($9, now()))`,
    [id, message.clientId, message.callId, randomUUID(), message.name, message.phone, message.email ?? null, message.body, message.createdAt ?? null],
  );
  await seedUsage(config, message.clientId, id, 'message', message.createdAt ?? null);
  return id;
}

export async function seedRecording(
  config: AppConfig,
  recording: { clientId: string; callId: string; status?: string; storedAt?: Date | null; deletedAt?: Date | null; dataKeyId?: string | null; storageKey?: string },
): Promise<{ id: string; storageKey: string }> {
  const id = randomUUID();
  const storageKey = recording.storageKey ?? `recordings/${recording.clientId}/${id}`;
  await ownerQuery(
    config,
    `INSERT INTO recordings (id, client_id, call_id, status, content_type, size, storage_key, data_key_id, uploaded_by, uploaded_via, instructions_version, stored_at, deleted_at)
     VALUES ($1, $2, $3, $4, 'audio/wav', 1024, $5, $6, $7, 'agent', 1, $8, $9)`,
    [id, recording.clientId, recording.callId, recording.status ?? 'stored', storageKey, recording.dataKeyId ?? null, randomUUID(), recording.storedAt ?? null, recording.deletedAt ?? null],
  );
  if (recording.storedAt) await seedUsage(config, recording.clientId, id, 'recording_stored', recording.storedAt);
  if (recording.deletedAt) await seedUsage(config, recording.clientId, id, 'recording_deleted', recording.deletedAt);
  return { id, storageKey };
}

/** One usage-ledger entry, as the service that counts the event writes it (`occurredAt` null: the database's now). */
export async function seedUsage(config: AppConfig, clientId: string, sourceId: string, kind: string, occurredAt: Date | null, quantity = 1): Promise<void> {
  await ownerQuery(config, `INSERT INTO usage_ledger (client_id, kind, quantity, occurred_at, source_id) VALUES ($1, $2, $3, coalesce($4, now()), $5)`, [
    clientId,
    kind,
    quantity,
    occurredAt,
    sourceId,
  ]);
}

/** Ends a client's contract (no route does this yet). */
/** Ends a client's contract through the admin API (at a past date, so retention can be tested). */
export async function terminateClient(http: TestAgent, adminToken: string, clientId: string, endedAt: Date): Promise<void> {
  await http.post(`/clients/${clientId}/termination`).set('Authorization', `Bearer ${adminToken}`).send({ endedAt: endedAt.toISOString() }).expect(200);
}

/** A user of any operator role, signed in. */
export async function createStaff(http: TestAgent, adminToken: string, role: 'dpo' | 'admin' | 'agent' | 'supervisor', email: string) {
  const password = 'a-long-test-password';
  const created = await http.post('/users').set('Authorization', `Bearer ${adminToken}`).send({ email, password, role }).expect(201);
  return { id: created.body.id as string, token: await login(http, email, password) };
}

/** A client business with contact details, and optionally one client user. */
export async function createClient(
  http: TestAgent,
  adminToken: string,
  body: { name: string; contactName?: string; contactEmail?: string; contactPhone?: string },
  user?: { email: string },
) {
  const client = await http.post('/clients').set('Authorization', `Bearer ${adminToken}`).send(body).expect(201);
  const clientId: string = client.body.id;
  if (!user) return { clientId };
  const password = 'a-long-test-password';
  const created = await http.post('/users').set('Authorization', `Bearer ${adminToken}`).send({ email: user.email, password, role: 'client', clientId }).expect(201);
  return { clientId, userId: created.body.id as string, token: await login(http, user.email, password) };
}

/** Collects a binary response body (supertest buffers only text types by default). */
export function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every file of a ZIP, by name, read with yauzl. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true }, (error: Error | null, zip?: ZipFile) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The exports' CSV files read with csv-parse, one object per row keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true });
}
