import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryItem } from './delivery-item.entity';
import { Delivery } from './delivery.entity';
import type { DeliveryConsumedBy, DeliveryStatus } from './delivery.entity';

/** Item rows per INSERT, to stay well under Postgres's 65,535 bind parameters. */
const INSERT_CHUNK = 2_000;

/** What a receipt is checked against. */
export interface SentState {
  status: string;
  archiveSha256: string | null;
  bytesSent: number | null;
  transfersCompleted: number;
}

/** A complete transfer as recorded: which one it was and the receipt window it opened. */
export interface RecordedTransfer {
  transfersCompleted: number;
  receiptDueAt: Date;
  receiptWindowMinutes: number;
}

/**
 * The SQL on `deliveries` and `delivery_items`: creation and reads, the download claim and its lease,
 * the record of a complete transfer, the credential check, the receipt and a delivery's end
 * (consumption, expiry, the receipt-window sweep and the last deletion's receipt). Every method runs in
 * the caller's transaction; the caller's TenantScope decides which rows it sees.
 */
@Injectable()
export class DeliveriesRepository {
  /** Inserts the delivery (no read back: every column is given) and answers it. */
  async create(tx: EntityManager, fields: Partial<Delivery>): Promise<Delivery> {
    const delivery = tx.create(Delivery, fields);
    await tx.insert(Delivery, delivery);
    return delivery;
  }

  async addItems(tx: EntityManager, items: Pick<DeliveryItem, 'deliveryId' | 'itemId' | 'clientId' | 'kind'>[]): Promise<void> {
    for (let i = 0; i < items.length; i += INSERT_CHUNK) await tx.insert(DeliveryItem, items.slice(i, i + INSERT_CHUNK));
  }

  /** The client's deliveries, newest first. */
  newestOfClient(tx: EntityManager, clientId: string, limit: number): Promise<Delivery[]> {
    return tx.find(Delivery, { where: { clientId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  ofClient(tx: EntityManager, clientId: string, id: string): Promise<Delivery | null> {
    return tx.findOne(Delivery, { where: { id, clientId } });
  }

  /** The client's delivery; throws when there is none (a download plans only one it has claimed). */
  ofClientOrFail(tx: EntityManager, clientId: string, id: string): Promise<Delivery> {
    return tx.findOneOrFail(Delivery, { where: { id, clientId } });
  }

  items(tx: EntityManager, clientId: string, deliveryId: string): Promise<DeliveryItem[]> {
    return tx.find(DeliveryItem, { where: { deliveryId, clientId } });
  }

  /**
   * The download claim, decided by this one UPDATE: the delivery is open and not past expiry, or awaits
   * its receipt within its window, and holds no live lease. The winner's lease and token are written;
   * its attempt number, or null when the claim was lost.
   */
  async claim(tx: EntityManager, deliveryId: string, now: Date, leaseUntil: Date, token: string): Promise<number | null> {
    const [rows] = (await tx.query(
      `UPDATE deliveries
          SET lease_until = $3, lease_token = $4, downloads_started = downloads_started + 1
        WHERE id = $1 AND consumed_at IS NULL
          AND ((status = 'open' AND expires_at > $2) OR (status = 'awaiting_receipt' AND receipt_due_at > $2))
          AND (lease_until IS NULL OR lease_until < $2)
        RETURNING downloads_started`,
      [deliveryId, now, leaseUntil, token],
    )) as [{ downloads_started: number }[], number];
    return rows.length ? rows[0].downloads_started : null;
  }

  /** Extends the lease; false when the token no longer holds it (lapsed and taken, or the delivery closed). */
  async renewLease(tx: EntityManager, deliveryId: string, token: string, leaseUntil: Date): Promise<boolean> {
    const [, affected] = (await tx.query(
      `UPDATE deliveries SET lease_until = $3 WHERE id = $1 AND lease_token = $2 AND status IN ('open', 'awaiting_receipt')`,
      [deliveryId, token, leaseUntil],
    )) as [unknown, number];
    return affected > 0;
  }

  async releaseLease(tx: EntityManager, deliveryId: string, token: string): Promise<void> {
    await tx.query(`UPDATE deliveries SET lease_until = NULL, lease_token = NULL WHERE id = $1 AND lease_token = $2`, [deliveryId, token]);
  }

  /**
   * A complete transfer, if `token` still holds the lease: the delivery awaits its receipt (the window
   * starts at the first complete transfer) and the lease ends. Null when the lease was lost.
   */
  async recordTransfer(tx: EntityManager, deliveryId: string, token: string, sha256: string, bytes: number, at: Date): Promise<RecordedTransfer | null> {
    const [rows] = (await tx.query(
      `UPDATE deliveries
          SET status = 'awaiting_receipt', archive_sha256 = $3, bytes_sent = $4, transfers_completed = transfers_completed + 1,
              sent_at = COALESCE(sent_at, $5), receipt_due_at = COALESCE(receipt_due_at, $5 + make_interval(mins => receipt_window_minutes)),
              lease_until = NULL, lease_token = NULL
        WHERE id = $1 AND lease_token = $2 AND status IN ('open', 'awaiting_receipt')
        RETURNING transfers_completed, receipt_due_at, receipt_window_minutes`,
      [deliveryId, token, sha256, bytes, at],
    )) as [{ transfers_completed: number; receipt_due_at: Date; receipt_window_minutes: number }[], number];
    const [row] = rows;
    return row ? { transfersCompleted: row.transfers_completed, receiptDueAt: new Date(row.receipt_due_at), receiptWindowMinutes: row.receipt_window_minutes } : null;
  }

  /** What the last transfer did with each item: archived, withheld, or (any other) omitted. */
  async setDispositions(tx: EntityManager, deliveryId: string, archived: string[], withheld: string[]): Promise<void> {
    await tx.query(
      `UPDATE delivery_items
          SET disposition = CASE WHEN item_id = ANY($2::uuid[]) THEN 'archived' WHEN item_id = ANY($3::uuid[]) THEN 'withheld' ELSE 'omitted' END
        WHERE delivery_id = $1`,
      [deliveryId, archived, withheld],
    );
  }

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
