import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeletionOutboxEntry } from './deletion-outbox.entity';

/** The SQL on `deletion_outbox`. Every method runs in the caller's transaction and tenant scope. */
@Injectable()
export class DeletionOutboxRepository {
  byId(tx: EntityManager, id: string): Promise<DeletionOutboxEntry | null> {
    return tx.findOne(DeletionOutboxEntry, { where: { id } });
  }

  /** One row per recording a delivery's consumption decided; recordings already in the outbox are left. The ids written. */
  async addDelivered(tx: EntityManager, deliveryId: string, clientId: string, recordingIds: string[], at: Date): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, delivery_id, status, created_at)
       SELECT gen_random_uuid(), $2, r.id, 'delivered', $1, 'pending', $3 FROM unnest($4::uuid[]) AS r(id)
       ON CONFLICT (recording_id) DO NOTHING
       RETURNING id`,
      [deliveryId, clientId, at, recordingIds],
    );
    return rows.map((r) => r.id);
  }

  /** One row per recording past its retention (one row per recording, ever); the ids written now. `tx` sees every client. */
  async addRetention(tx: EntityManager, recordings: { id: string; clientId: string }[], at: Date): Promise<string[]> {
    if (!recordings.length) return [];
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, status, created_at)
       SELECT gen_random_uuid(), r.client_id, r.id, 'retention', 'pending', $1 FROM unnest($2::uuid[], $3::uuid[]) AS r(id, client_id)
       ON CONFLICT (recording_id) DO NOTHING
       RETURNING id`,
      [at, recordings.map((r) => r.id), recordings.map((r) => r.clientId)],
    );
    return rows.map((r) => r.id);
  }

  /** Pending rows written before `cutoff`, a page after the cursor; `tx` sees every client. */
  pendingBefore(tx: EntityManager, cutoff: Date, after: { createdAt: Date; id: string }, limit: number): Promise<{ id: string; created_at: Date }[]> {
    return tx.query(
      `SELECT id, created_at FROM deletion_outbox
        WHERE status = 'pending' AND created_at < $1 AND (created_at, id) > ($2, $3)
        ORDER BY created_at, id LIMIT $4`,
      [cutoff, after.createdAt, after.id, limit],
    );
  }

  /** True when this call completed the row (it was still pending). */
  async complete(tx: EntityManager, id: string, at: Date): Promise<boolean> {
    const done = await tx.update(DeletionOutboxEntry, { id, status: 'pending' }, { status: 'done', completedAt: at, lastError: null });
    return Boolean(done.affected);
  }

  async recordFailure(tx: EntityManager, id: string, code: string, at: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(DeletionOutboxEntry)
      .set({ attempts: () => 'attempts + 1', lastError: code, lastAttemptAt: at })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
  }

  /** How many of a delivery's rows are still pending, and how many are done. */
  async progressOf(tx: EntityManager, deliveryId: string): Promise<{ pending: number; done: number }> {
    const [row]: { pending: string; done: string }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'done') AS done FROM deletion_outbox WHERE delivery_id = $1`,
      [deliveryId],
    );
    return { pending: Number(row.pending), done: Number(row.done) };
  }
}
