import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, Not } from 'typeorm';
import { Recording } from './recording.entity';
import type { RecordingStatus } from './recording.entity';

/** A recording as a delivery plans it: enough to name, size and verify it, no content. */
export interface RecordingToDeliver {
  id: string;
  callId: string;
  startedAt: Date | null;
  contentType: string;
  size: number | null;
  sha256: string | null;
  status: RecordingStatus;
  /** Null once its key is destroyed. */
  dataKeyId: string | null;
}

/** Whose recordings a reader sees in the tenant scope: all (null), or for staff those of its own calls logged since `since`. */
export type RecordingReader = { agentId: string; since: Date } | null;

/** What a finished upload writes when its row flips to `stored`. */
export interface StoredUpload {
  size: number;
  sha256: string;
  storedAt: Date;
  retainUntil: Date;
}

/** A recording whose retention ended while it was never delivered. */
export interface RecordingPastRetention {
  id: string;
  clientId: string;
  retainUntil: Date;
}

/**
 * The SQL on `recordings`: ingest, readers' lists, the vault, delivery, deletion, retention and data
 * subjects' requests. Every method runs in the caller's transaction; the caller's TenantScope decides
 * which rows it sees.
 */
@Injectable()
export class RecordingsRepository {
  /** Any recording of the call, in any state (a call has one at most). */
  existsForCall(tx: EntityManager, callId: string): Promise<boolean> {
    return tx.exists(Recording, { where: { callId } });
  }

  /** The row of an upload about to stream; the unique index on the call refuses a second one. */
  async insertReceiving(tx: EntityManager, fields: Omit<Partial<Recording>, 'status'>): Promise<void> {
    await tx.insert(Recording, { ...fields, status: 'receiving' });
  }

  /** Flips a receiving upload to stored; false when its row is gone (swept as abandoned meanwhile). */
  async markStored(tx: EntityManager, id: string, upload: StoredUpload): Promise<boolean> {
    const flipped = await tx.update(Recording, { id, status: 'receiving' }, { status: 'stored', ...upload });
    return Boolean(flipped.affected);
  }

  /** The recording, if the caller's tenant scope sees it. */
  inScope(tx: EntityManager, id: string): Promise<Recording | null> {
    return tx.findOne(Recording, { where: { id } });
  }

  /** A page of what the reader sees of the client's recordings, newest first, older than `before` when given. */
  visiblePage(tx: EntityManager, reader: RecordingReader, clientId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<Recording[]> {
    const q = this.visible(tx, reader).andWhere('r.client_id = :clientId', { clientId }).orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit);
    if (before) q.andWhere('(r.created_at, r.id) < (:beforeAt, :beforeId)', { beforeAt: before.createdAt, beforeId: before.id });
    return q.getMany();
  }

  /** The recording if the reader sees it. */
  visibleOne(tx: EntityManager, reader: RecordingReader, id: string): Promise<Recording | null> {
    return this.visible(tx, reader).andWhere('r.id = :id', { id }).getOne();
  }

  private visible(tx: EntityManager, reader: RecordingReader) {
    const q = tx.createQueryBuilder(Recording, 'r');
    if (reader) q.innerJoin('calls', 'c', 'c.id = r.call_id').where('c.agent_id = :agentId AND c.created_at >= :since', reader);
    else q.where('TRUE');
    return q;
  }

  async storedIds(tx: EntityManager, clientId: string, max: number): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM recordings WHERE client_id = $1 AND status = 'stored' ORDER BY created_at, id LIMIT $2`, [clientId, max]);
    return rows.map((r) => r.id);
  }

  /** Of these ids, the client's recordings still stored. */
  async storedAmong(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await tx.query(`SELECT id FROM recordings WHERE client_id = $1 AND id = ANY($2::uuid[]) AND status = 'stored'`, [clientId, ids]);
    return rows.map((r) => r.id);
  }

  statuses(tx: EntityManager, clientId: string, ids: string[]): Promise<{ id: string; status: RecordingStatus }[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.query(`SELECT id, status FROM recordings WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, ids]);
  }

  /** With their call's start, in a fixed order (call start, then id), whatever their state now. */
  async toDeliver(tx: EntityManager, clientId: string, ids: string[]): Promise<RecordingToDeliver[]> {
    if (!ids.length) return [];
    const rows: { id: string; call_id: string; started_at: Date | null; content_type: string; size: string | null; sha256: string | null; status: RecordingStatus; data_key_id: string | null }[] =
      await tx.query(
        `SELECT r.id, r.call_id, c.started_at, r.content_type, r.size, r.sha256, r.status, r.data_key_id
           FROM recordings r LEFT JOIN calls c ON c.id = r.call_id
          WHERE r.client_id = $1 AND r.id = ANY($2::uuid[])
          ORDER BY c.started_at NULLS LAST, r.id`,
        [clientId, ids],
      );
    return rows.map((r) => ({
      id: r.id,
      callId: r.call_id,
      startedAt: r.started_at,
      contentType: r.content_type,
      size: r.size === null ? null : Number(r.size),
      sha256: r.sha256,
      status: r.status,
      dataKeyId: r.data_key_id,
    }));
  }

  async markDelivered(tx: EntityManager, clientId: string, ids: string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await tx.query(`UPDATE recordings SET status = 'delivered', delivered_at = $3 WHERE client_id = $1 AND id = ANY($2::uuid[]) AND status = 'stored'`, [clientId, ids, at]);
  }

  byId(tx: EntityManager, clientId: string, id: string): Promise<Recording | null> {
    return tx.findOne(Recording, { where: { id, clientId } });
  }

  byIds(tx: EntityManager, clientId: string, ids: string[]): Promise<Recording[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.find(Recording, { where: { clientId, id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** Its data key is destroyed: the pointer goes with it. */
  async forgetDataKey(tx: EntityManager, id: string): Promise<void> {
    await tx.update(Recording, { id }, { dataKeyId: null });
  }

  /** True when this call marked it (it was not deleted already). */
  async markDeleted(tx: EntityManager, clientId: string, id: string, at: Date): Promise<boolean> {
    const result = await tx.update(Recording, { id, clientId, status: Not('deleted') }, { status: 'deleted', deletedAt: at, dataKeyId: null });
    return Boolean(result.affected);
  }

  /**
   * Stored recordings whose retention ended at or before `now`, oldest retention first, after the
   * cursor (the caller walks the pages). `tx` sees every client (TenantScope.runAcrossClients).
   */
  pastRetention(tx: EntityManager, now: Date, after: { retainUntil: Date; id: string } | null, limit: number): Promise<RecordingPastRetention[]> {
    return tx.query(
      `SELECT id, client_id AS "clientId", retain_until AS "retainUntil" FROM recordings
        WHERE status = 'stored' AND retain_until <= $1 AND ($2::timestamptz IS NULL OR (retain_until, id) > ($2, $3::uuid))
        ORDER BY retain_until, id LIMIT $4`,
      [now, after?.retainUntil ?? null, after?.id ?? null, limit],
    );
  }

  /** Per client, stored recordings whose retention ends within (from, until]: how many and the first end. */
  async expiringByClient(tx: EntityManager, from: Date, until: Date): Promise<{ clientId: string; count: number; first: Date }[]> {
    const rows: { client_id: string; count: string; first: Date }[] = await tx.query(
      `SELECT client_id, count(*) AS count, min(retain_until) AS first FROM recordings
        WHERE status = 'stored' AND retain_until > $1 AND retain_until <= $2 GROUP BY client_id`,
      [from, until],
    );
    return rows.map((r) => ({ clientId: r.client_id, count: Number(r.count), first: new Date(r.first) }));
  }

  /** Recordings of these calls not deleted yet, across clients (`tx` sees every client). */
  ofCalls(tx: EntityManager, callIds: string[]): Promise<{ id: string; client_id: string }[]> {
    if (!callIds.length) return Promise.resolve([]);
    return tx.query(`SELECT id, client_id FROM recordings WHERE call_id = ANY($1::uuid[]) AND status <> 'deleted' ORDER BY created_at`, [callIds]);
  }

  /** Uploads still receiving that began before `cutoff`, oldest first; `tx` sees every client. */
  abandonedUploads(tx: EntityManager, cutoff: Date, limit: number): Promise<Recording[]> {
    return tx.find(Recording, { where: { status: 'receiving', createdAt: LessThan(cutoff) }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Deletes the row of an upload that never finished; true when this call did (it was still receiving). */
  async deleteAbandoned(tx: EntityManager, id: string): Promise<boolean> {
    return Boolean((await tx.delete(Recording, { id, status: 'receiving' })).affected);
  }

  /** Of these ids, the recordings whose object must stay (not deleted), with where it lives; `tx` sees every client. */
  live(tx: EntityManager, ids: string[]): Promise<Pick<Recording, 'id' | 'storageKey'>[]> {
    return tx.find(Recording, { where: { id: In(ids), status: In(['receiving', 'stored', 'delivered']) }, select: { id: true, storageKey: true } });
  }
}
