import { Brackets, EntityManager, In, IsNull, SelectQueryBuilder } from 'typeorm';
import type { SqlPart, WriteBatch } from '#database';
import { Call } from './call.entity';
import { CallerMessage } from './caller-message.entity';

/** Messages only: the inbox's filters. */
export interface MessageFilter {
  urgent?: boolean;
  unread?: boolean;
  /** Part of the caller's name, or digits of the caller's number. */
  search?: string;
}

/** Which page of a client's messages a reader asked for (newest first). */
export interface MessagePage {
  limit: number;
  /** An agent sees only what it logged since the start of its working window. */
  agent?: { id: string; since: Date };
  /** Keyset position: only messages older than this one. */
  before?: { createdAt: Date; id: string };
  filter: MessageFilter;
}

/** The inbox filters on a message query aliased `m`; the search text is a bound parameter, never SQL. */
function filterMessages(q: SelectQueryBuilder<CallerMessage>, filter: MessageFilter): void {
  if (filter.urgent) q.andWhere(`m.urgency = 'urgent'`);
  if (filter.unread) q.andWhere('m.read_at IS NULL');
  const text = filter.search?.trim();
  if (!text) return;
  const digits = text.replace(/\D/g, '');
  const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  q.andWhere(
    new Brackets((where) => {
      where.where('m.caller_name ILIKE :name', { name: like(text) });
      // A number is matched on its digits, however either side spaced or punctuated it.
      if (digits.length >= 3) where.orWhere(`regexp_replace(m.caller_phone, '\\D', '', 'g') LIKE :digits`, { digits: like(digits) });
    }),
  );
}

/**
 * The calls and caller_messages SQL of capture and of the readers' lists: creating calls, logging,
 * correcting and listing messages, and what notices read of them. Every method runs in the owning
 * client's tenant scope. (Retention, erasure and delivery use CallsRepository and CallerMessagesRepository.)
 */
/** Every column of Call (from the entity's metadata, so a new column is never missed), built once. */
let callColumns: string | undefined;
const callColumnsOf = (tx: EntityManager) =>
  (callColumns ??= tx.connection.getMetadata(Call).columns.map((c) => `${c.databaseName} AS "${c.propertyName}"`).join(', '));

const insertMessagePart = (m: CallerMessage): SqlPart => ({
  sql: `INSERT INTO caller_messages (id, client_id, call_id, agent_id, caller_name, caller_phone, caller_email, body, urgency, callback_requested, custom_fields, instructions_version, delivery_id, delivered_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
  params: [m.id, m.clientId, m.callId, m.agentId, m.callerName, m.callerPhone, m.callerEmail, m.body, m.urgency, m.callbackRequested, JSON.stringify(m.customFields), m.instructionsVersion, m.deliveryId, m.deliveredAt, m.createdAt],
});

export const callRecords = {
  /**
   * Inserts the call unless the client already has one with its external reference. Race-safe: the
   * unique index decides, so two concurrent creates give one call. True when this insert won.
   */
  async insertUnlessKnown(tx: EntityManager, call: Call): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO calls (id, client_id, agent_id, ingest_key_id, external_ref, caller_number, started_at, ended_at, instructions_version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (client_id, external_ref) DO NOTHING
       RETURNING id`,
      [call.id, call.clientId, call.agentId, call.ingestKeyId, call.externalRef, call.callerNumber, call.startedAt, call.endedAt, call.instructionsVersion, call.createdAt],
    );
    return rows.length === 1;
  },

  /**
   * One call of the client, by id (plain SQL: it is on every message's and recording's path, where the
   * ORM's query building cost more CPU than the row).
   */
  async byId(tx: EntityManager, clientId: string, callId: string): Promise<Call | null> {
    const [row] = await tx.query(`SELECT ${callColumnsOf(tx)} FROM calls WHERE id = $1 AND client_id = $2`, [callId, clientId]);
    return row ? Object.assign(new Call(), row) : null;
  },

  /**
   * `byId` as SQL giving the call as JSON, for a statement that reads other facts of the same request
   * (the access policy's); `fromJson` turns the answer back into a Call. Run in the client's scope.
   */
  byIdPart(tx: EntityManager, clientId: string, callId: string): SqlPart {
    return { sql: `SELECT row_to_json(c) FROM (SELECT ${callColumnsOf(tx)} FROM calls WHERE id = $1 AND client_id = $2) c`, params: [callId, clientId] };
  },

  fromJson(tx: EntityManager, json: unknown): Call | null {
    if (!json) return null;
    const call = Object.assign(new Call(), json);
    // JSON carries timestamps as text: back to Dates, as byId gives them.
    for (const column of tx.connection.getMetadata(Call).columns) {
      const value = (call as unknown as Record<string, unknown>)[column.propertyName];
      if (column.type === 'timestamptz' && typeof value === 'string') (call as unknown as Record<string, unknown>)[column.propertyName] = new Date(value);
    }
    return call;
  },

  /** Inserts a caller message (plain SQL, as byId) as one part of a write batch (with its usage row, audit event, notice). */
  insertMessageIn(batch: WriteBatch, m: CallerMessage): void {
    const { sql, params } = insertMessagePart(m);
    batch.add('message', { sql: `${sql} RETURNING id`, params });
  },

  async insertCall(tx: EntityManager, call: Call): Promise<void> {
    await tx.insert(Call, call);
  },

  byExternalRef(tx: EntityManager, clientId: string, externalRef: string): Promise<Call | null> {
    return tx.findOne(Call, { where: { clientId, externalRef } });
  },

  /** Sets the end of a call that has none yet; true when this call ended now. */
  async endIfOpen(tx: EntityManager, clientId: string, callId: string, endedAt: Date): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(Call)
      .set({ endedAt })
      .where('id = :callId AND client_id = :clientId AND ended_at IS NULL', { callId, clientId })
      .execute();
    return Boolean(result.affected);
  },

  /** The message, locked against a concurrent correction or delivery until the transaction ends. */
  lockMessage(tx: EntityManager, messageId: string): Promise<CallerMessage | null> {
    return tx.findOne(CallerMessage, { where: { id: messageId }, lock: { mode: 'pessimistic_write' } });
  },

  async saveMessage(tx: EntityManager, message: CallerMessage): Promise<void> {
    await tx.save(message);
  },

  /** A page of the client's messages for a reader, newest first. */
  messagePage(tx: EntityManager, clientId: string, page: MessagePage): Promise<CallerMessage[]> {
    const q = tx
      .createQueryBuilder(CallerMessage, 'm')
      .where('m.client_id = :clientId', { clientId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(page.limit);
    if (page.agent) q.andWhere('m.agent_id = :agentId AND m.created_at >= :since', { agentId: page.agent.id, since: page.agent.since });
    if (page.before) q.andWhere('(m.created_at, m.id) < (:beforeAt, :beforeId)', { beforeAt: page.before.createdAt, beforeId: page.before.id });
    filterMessages(q, page.filter);
    return q.getMany();
  },

  /** What a list cursor needs of a message: its position and who logged it. */
  messagePosition(tx: EntityManager, id: string): Promise<Pick<CallerMessage, 'id' | 'createdAt' | 'agentId'> | null> {
    return tx.findOne(CallerMessage, { where: { id }, select: { id: true, createdAt: true, agentId: true } });
  },

  async unreadAmong(tx: EntityManager, messageIds: string[]): Promise<string[]> {
    const rows = await tx.find(CallerMessage, { where: { id: In(messageIds), readAt: IsNull() }, select: { id: true } });
    return rows.map((r) => r.id);
  },

  messagesByIds(tx: EntityManager, messageIds: string[]): Promise<CallerMessage[]> {
    return tx.find(CallerMessage, { where: { id: In(messageIds) }, order: { createdAt: 'ASC' } });
  },

  /** How many messages (and how many urgent) the client's agents logged in [from, to). */
  async countLogged(tx: EntityManager, clientId: string, from: Date, to: Date): Promise<{ total: number; urgent: number }> {
    const [row]: { total: string; urgent: string }[] = await tx.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE urgency = 'urgent') AS urgent FROM caller_messages WHERE client_id = $1 AND created_at >= $2 AND created_at < $3`,
      [clientId, from, to],
    );
    return { total: Number(row.total), urgent: Number(row.urgent) };
  },
};
