import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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

/** A caller message with its call, as the client receives it. */
export interface MessageToDeliver {
  id: string;
  callId: string;
  createdAt: Date;
  callStartedAt: Date | null;
  callEndedAt: Date | null;
  callerNumber: string | null;
  callerName: string;
  callerPhone: string;
  callerEmail: string | null;
  urgency: string;
  callbackRequested: boolean;
  body: string;
  customFields: Record<string, string | number | boolean>;
}

/**
 * What the deliveries library needs of calls, messages and recordings, so it never reads or writes
 * these tables itself. Every method runs in the caller's transaction, which is already in the client's
 * TenantScope (row-level security hides any other client's rows), and takes the client id.
 */
@Injectable()
export class DeliverableCallerData {
  /** Recordings still stored and messages never carried, oldest first, at most `max` of each. */
  async undelivered(tx: EntityManager, clientId: string, max: number): Promise<{ recordingIds: string[]; messageIds: string[] }> {
    const recordings: { id: string }[] = await tx.query(`SELECT id FROM recordings WHERE client_id = $1 AND status = 'stored' ORDER BY created_at, id LIMIT $2`, [clientId, max]);
    const messages: { id: string }[] = await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND delivered_at IS NULL ORDER BY created_at, id LIMIT $2`, [clientId, max]);
    return { recordingIds: recordings.map((r) => r.id), messageIds: messages.map((m) => m.id) };
  }

  /** Of these ids, the client's recordings with their status. */
  async recordingStatuses(tx: EntityManager, clientId: string, ids: string[]): Promise<{ id: string; status: RecordingStatus }[]> {
    if (!ids.length) return [];
    return tx.query(`SELECT id, status FROM recordings WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, ids]);
  }

  /** Of these ids, the client's messages. */
  async existingMessages(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, ids]);
    return rows.map((r) => r.id);
  }

  /** The recordings, in a fixed order (call start, then id), whatever their state now. */
  async recordings(tx: EntityManager, clientId: string, ids: string[]): Promise<RecordingToDeliver[]> {
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

  /** One page of the messages among `ids`, oldest first, after the cursor. */
  async messagePage(tx: EntityManager, clientId: string, ids: string[], after: { createdAt: Date; id: string }, limit: number): Promise<MessageToDeliver[]> {
    if (!ids.length) return [];
    const rows: MessageRow[] = await tx.query(
      `SELECT m.id, m.call_id, m.created_at, c.started_at, c.ended_at, c.caller_number, m.caller_name, m.caller_phone,
              m.caller_email, m.urgency, m.callback_requested, m.body, m.custom_fields
         FROM caller_messages m LEFT JOIN calls c ON c.id = m.call_id
        WHERE m.client_id = $1 AND m.id = ANY($2::uuid[]) AND (m.created_at, m.id) > ($3, $4)
        ORDER BY m.created_at, m.id
        LIMIT $5`,
      [clientId, ids, after.createdAt, after.id, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      callId: row.call_id,
      createdAt: row.created_at,
      callStartedAt: row.started_at,
      callEndedAt: row.ended_at,
      callerNumber: row.caller_number,
      callerName: row.caller_name,
      callerPhone: row.caller_phone,
      callerEmail: row.caller_email,
      urgency: row.urgency,
      callbackRequested: row.callback_requested,
      body: row.body,
      customFields: row.custom_fields ?? {},
    }));
  }

  /** The client has them: recordings `delivered` (their deletion is the caller's outbox), messages carried by this delivery. */
  async markDelivered(tx: EntityManager, clientId: string, deliveryId: string, items: { recordingIds: string[]; messageIds: string[] }, at: Date): Promise<void> {
    if (items.recordingIds.length) {
      await tx.query(`UPDATE recordings SET status = 'delivered', delivered_at = $3 WHERE client_id = $1 AND id = ANY($2::uuid[]) AND status = 'stored'`, [clientId, items.recordingIds, at]);
    }
    if (items.messageIds.length) {
      await tx.query(
        `UPDATE caller_messages SET delivery_id = COALESCE(delivery_id, $3), delivered_at = COALESCE(delivered_at, $4) WHERE client_id = $1 AND id = ANY($2::uuid[])`,
        [clientId, items.messageIds, deliveryId, at],
      );
    }
  }
}

interface MessageRow {
  id: string;
  call_id: string;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  caller_number: string | null;
  caller_name: string;
  caller_phone: string;
  caller_email: string | null;
  urgency: string;
  callback_requested: boolean;
  body: string;
  custom_fields: Record<string, string | number | boolean> | null;
}
