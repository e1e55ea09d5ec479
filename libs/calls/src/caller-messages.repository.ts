import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { digitsOf, foldedOf, PersonSearchKeys } from '#database';
import { CallerMessage } from './caller-message.entity';

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

/** A message found for a person, with the identifiers it matched on. */
export interface MessageMatch {
  id: string;
  client_id: string;
  on_email: boolean;
  on_phone: boolean;
  on_name: boolean;
  on_call: boolean;
}

export type CallerMessageChanges = Partial<Pick<CallerMessage, 'callerName' | 'callerPhone' | 'callerEmail'>>;

/** What marking a message in the inbox writes: who read or actioned it, and when. */
export type InboxChanges = Partial<Pick<CallerMessage, 'readAt' | 'readBy' | 'actionedAt' | 'actionedBy'>>;

/**
 * The SQL on `caller_messages` for the inbox's read and actioned marks, delivery, erasure, retention and
 * data subjects' requests. Capture and the readers' lists (logging, correcting, listing messages) keep
 * theirs with the call records'. Every method runs in the caller's transaction, in the tenant scope it chose.
 */
@Injectable()
export class CallerMessagesRepository {
  /** Messages never carried by a delivery, oldest first. */
  async undeliveredIds(tx: EntityManager, clientId: string, max: number): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND delivered_at IS NULL ORDER BY created_at, id LIMIT $2`, [clientId, max]);
    return rows.map((m) => m.id);
  }

  async existingAmong(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, ids]);
    return rows.map((r) => r.id);
  }

  /** One page of the messages among `ids` with their calls, oldest first, after the cursor. */
  async pageToDeliver(tx: EntityManager, clientId: string, ids: string[], after: { createdAt: Date; id: string }, limit: number): Promise<MessageToDeliver[]> {
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

  /** Carried by this delivery (the first delivery that carried a message stays its record). */
  async markDelivered(tx: EntityManager, clientId: string, ids: string[], deliveryId: string, at: Date): Promise<void> {
    if (!ids.length) return;
    await tx.query(
      `UPDATE caller_messages SET delivery_id = COALESCE(delivery_id, $3), delivered_at = COALESCE(delivered_at, $4) WHERE client_id = $1 AND id = ANY($2::uuid[])`,
      [clientId, ids, deliveryId, at],
    );
  }

  /** The message's inbox state, row-locked until the transaction ends (two marks take turns, so the first time stays). */
  inboxStateForMark(tx: EntityManager, clientId: string, id: string): Promise<Pick<CallerMessage, 'id' | 'readAt' | 'actionedAt'> | null> {
    return tx.findOne(CallerMessage, { where: { id, clientId }, select: { id: true, readAt: true, actionedAt: true }, lock: { mode: 'pessimistic_write' } });
  }

  async markInbox(tx: EntityManager, clientId: string, id: string, changes: InboxChanges): Promise<void> {
    await tx.update(CallerMessage, { id, clientId }, changes);
  }

  /** The client's unread messages, with their urgency (no content). */
  unread(tx: EntityManager, clientId: string): Promise<{ id: string; urgency: string }[]> {
    return tx.query(`SELECT id, urgency FROM caller_messages WHERE client_id = $1 AND read_at IS NULL`, [clientId]);
  }

  /** Deletes the client's messages with these ids; the ids actually deleted. */
  delete(tx: EntityManager, clientId: string, ids: string[]): Promise<{ id: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.query(`WITH gone AS (DELETE FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[]) RETURNING id) SELECT id FROM gone`, [clientId, ids]);
  }

  /** Deletes up to `limit` messages due: counted from delivery or, never delivered, from creation (every message when `dueBy` is null). */
  deleteDue(tx: EntityManager, clientId: string, dueBy: Date | null, limit: number): Promise<{ id: string }[]> {
    return tx.query(
      `WITH gone AS (DELETE FROM caller_messages WHERE id IN (
          SELECT id FROM caller_messages WHERE client_id = $1 AND ($2::timestamptz IS NULL OR coalesce(delivered_at, created_at) <= $2) LIMIT ${Number(limit)})
        RETURNING id)
       SELECT id FROM gone`,
      [clientId, dueBy],
    );
  }

  /** Messages matching a person (or logged on one of `callIds`), across clients (`tx` sees every client). */
  matching(tx: EntityManager, keys: PersonSearchKeys, callIds: string[]): Promise<MessageMatch[]> {
    return tx.query(
      `SELECT id, client_id,
              coalesce(lower(caller_email) = $1, false) AS on_email,
              ${digitsOf('caller_phone')} = ANY($2::text[]) AS on_phone,
              coalesce(${foldedOf('caller_name')} = $3, false) AS on_name,
              call_id = ANY($4::uuid[]) AS on_call
         FROM caller_messages
        WHERE lower(caller_email) = $1 OR ${digitsOf('caller_phone')} = ANY($2::text[]) OR ($5 AND ${foldedOf('caller_name')} = $3)
              OR call_id = ANY($4::uuid[])
        ORDER BY created_at`,
      [keys.email, keys.phones, keys.name, callIds, keys.nameAlone],
    );
  }

  async update(tx: EntityManager, clientId: string, ids: string[], changes: CallerMessageChanges): Promise<void> {
    if (ids.length && Object.keys(changes).length) await tx.update(CallerMessage, { clientId, id: In(ids) }, changes);
  }

  byIds(tx: EntityManager, clientId: string, ids: string[]): Promise<CallerMessage[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.find(CallerMessage, { where: { clientId, id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** The caller's contact details only, for a permission check or a marketing list. */
  callerContacts(tx: EntityManager, clientId: string, ids: string[]): Promise<Pick<CallerMessage, 'id' | 'callerName' | 'callerEmail' | 'callerPhone'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.find(CallerMessage, { where: { clientId, id: In(ids) }, select: { id: true, callerName: true, callerEmail: true, callerPhone: true } });
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
