import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Delivery } from './delivery.entity';
import type { DeliveryConsumedBy, DeliveryStatus } from './delivery.entity';

/** What a receipt is checked against. */
export interface SentState {
  status: string;
  archiveSha256: string | null;
  bytesSent: number | null;
  transfersCompleted: number;
}

/**
 * The SQL on `deliveries` and `delivery_items` of the credential check, the receipt and a delivery's
 * end: consumption, expiry, the receipt-window sweep and the last deletion's receipt. (Creation, the
 * claim and the download keep theirs beside the code that streams.) Every method runs in the caller's
 * transaction.
 */
@Injectable()
export class DeliveriesRepository {
  /** Consumed now (its password hash dropped) if it is in one of `from` and was sent completely; its first send, or null. */
  async consume(tx: EntityManager, deliveryId: string, how: DeliveryConsumedBy, from: DeliveryStatus[], at: Date): Promise<{ sentAt: Date } | null> {
    const [rows] = (await tx.query(
      `UPDATE deliveries
          SET status = 'consumed', consumed_at = $2, closed_at = $2, consumed_by = $3,
              password_hash = NULL, lease_until = NULL, lease_token = NULL
        WHERE id = $1 AND status = ANY($4::varchar[]) AND transfers_completed > 0
        RETURNING sent_at`,
      [deliveryId, at, how, from],
    )) as [{ sent_at: Date }[], number];
    return rows.length ? { sentAt: new Date(rows[0].sent_at) } : null;
  }

  /** What the last complete transfer archived, by kind. */
  async archivedItems(tx: EntityManager, deliveryId: string): Promise<{ recordingIds: string[]; messageIds: string[] }> {
    const items: { item_id: string; kind: string }[] = await tx.query(
      `SELECT item_id, kind FROM delivery_items WHERE delivery_id = $1 AND disposition = 'archived' ORDER BY kind, item_id`,
      [deliveryId],
    );
    return { recordingIds: items.filter((i) => i.kind === 'recording').map((i) => i.item_id), messageIds: items.filter((i) => i.kind === 'message').map((i) => i.item_id) };
  }

  /** Deliveries sent whose receipt window passed without a receipt; `tx` sees every client. */
  receiptOverdue(tx: EntityManager, now: Date, limit: number): Promise<{ id: string; client_id: string }[]> {
    return tx.query(
      `SELECT id, client_id FROM deliveries
        WHERE receipt_due_at <= $1 AND status IN ('awaiting_receipt', 'locked') AND transfers_completed > 0
        ORDER BY receipt_due_at, id LIMIT $2`,
      [now, limit],
    );
  }

  /** Open deliveries past expiry become `expired` (password hash dropped), unless a download still holds the lease; `tx` sees every client. */
  async expire(tx: EntityManager, now: Date): Promise<{ id: string; client_id: string; expires_at: Date }[]> {
    const [rows] = (await tx.query(
      `UPDATE deliveries SET status = 'expired', closed_at = $1, password_hash = NULL, lease_until = NULL, lease_token = NULL
        WHERE status = 'open' AND expires_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
        RETURNING id, client_id, expires_at`,
      [now],
    )) as [{ id: string; client_id: string; expires_at: Date }[], number];
    return rows;
  }

  /** Row-locks the delivery until the transaction ends (orders concurrent last deletions). */
  async lock(tx: EntityManager, deliveryId: string): Promise<void> {
    await tx.query(`SELECT id FROM deliveries WHERE id = $1 FOR UPDATE`, [deliveryId]);
  }

  byId(tx: EntityManager, id: string): Promise<Delivery | null> {
    return tx.findOne(Delivery, { where: { id } });
  }

  /** Counts a wrong password; at `maxFailed` the delivery locks (its password hash dropped). Null when it was no longer open. */
  async countWrongPassword(tx: EntityManager, id: string, maxFailed: number, at: Date): Promise<{ failedAttempts: number; locked: boolean } | null> {
    const [rows] = (await tx.query(
      `UPDATE deliveries
          SET failed_attempts = failed_attempts + 1,
              status = CASE WHEN failed_attempts + 1 >= $2 THEN 'locked' ELSE status END,
              locked_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_at END,
              closed_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE closed_at END,
              password_hash = CASE WHEN failed_attempts + 1 >= $2 THEN NULL ELSE password_hash END
        WHERE id = $1 AND status IN ('open', 'awaiting_receipt')
        RETURNING failed_attempts, status`,
      [id, maxFailed, at],
    )) as [{ failed_attempts: number; status: string }[], number];
    return rows[0] ? { failedAttempts: rows[0].failed_attempts, locked: rows[0].status === 'locked' } : null;
  }

  /** What was sent, row-locked until the transaction ends (a receipt and the sweep never both consume). */
  async lockSentState(tx: EntityManager, id: string): Promise<SentState | null> {
    const [row] = (await tx.query(`SELECT status, archive_sha256, bytes_sent, transfers_completed FROM deliveries WHERE id = $1 FOR UPDATE`, [id])) as {
      status: string;
      archive_sha256: string | null;
      bytes_sent: string | null;
      transfers_completed: number;
    }[];
    return row ? { status: row.status, archiveSha256: row.archive_sha256, bytesSent: row.bytes_sent === null ? null : Number(row.bytes_sent), transfersCompleted: row.transfers_completed } : null;
  }

  /** Its status and the end of a running download's lease, if any. */
  async leaseState(tx: EntityManager, id: string): Promise<{ status: string; leaseUntil: Date | null } | null> {
    const [row] = (await tx.query(`SELECT status, lease_until FROM deliveries WHERE id = $1`, [id])) as { status: string; lease_until: Date | null }[];
    return row ? { status: row.status, leaseUntil: row.lease_until === null ? null : new Date(row.lease_until) } : null;
  }
}
