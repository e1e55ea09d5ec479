import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlPart } from '#database';
import { AuditEvent } from './audit-event.entity';
import type { ActorActivity, AuditEntry, AuditFilter } from './audit.service';

const INSERT_EVENT = `INSERT INTO audit_pending_events (occurred_at, actor_id, actor_role, client_id, data_role, purpose, action, subject_type, subject_id, outcome, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const INSERT_EVENT_RETURNING_ID = `${INSERT_EVENT} RETURNING id`;

/** The INSERT_EVENT parameters of an entry. */
function eventValues(entry: AuditEntry, occurredAt: Date): unknown[] {
  // Plain SQL: this insert is on every request's path, and the entity insert builder cost more CPU than the row.
  return [
    occurredAt,
    entry.actor.id,
    entry.actor.role,
    entry.clientId ?? null,
    entry.dataRole,
    entry.purpose,
    entry.action,
    entry.subject?.type ?? null,
    entry.subject?.id ?? null,
    entry.outcome,
    entry.details ?? {},
  ];
}

/**
 * The SQL on the audit tables as the service writes and reads them: events are written pending, and
 * read chained from `audit_events` (the sequencer's chaining SQL is in audit-chain.repository.ts).
 * Every method takes the caller's manager or transaction.
 */
@Injectable()
export class AuditEventsRepository {
  /** Writes one event, pending until the sequencer chains it (moves it to audit_events). */
  async insert(manager: EntityManager, entry: AuditEntry, occurredAt: Date): Promise<void> {
    await manager.query(INSERT_EVENT, eventValues(entry, occurredAt));
  }

  /** The same insert as a part of a write batch, whose parts each return their rows. */
  insertPart(entry: AuditEntry, occurredAt: Date): SqlPart {
    return { sql: INSERT_EVENT_RETURNING_ID, params: eventValues(entry, occurredAt) };
  }

  /** What these actors did, oldest first (events not chained yet last, without a place). */
  activityOf(manager: EntityManager, actorIds: string[]): Promise<ActorActivity[]> {
    return manager.query(
      `SELECT seq, occurred_at AS "occurredAt", action, outcome, purpose, client_id AS "clientId", subject_type AS "subjectType", subject_id AS "subjectId"
         FROM (SELECT seq, occurred_at, action, outcome, purpose, client_id, subject_type, subject_id, id FROM audit_events WHERE actor_id = ANY($1::uuid[])
               UNION ALL
               SELECT NULL, occurred_at, action, outcome, purpose, client_id, subject_type, subject_id, id FROM audit_pending_events WHERE actor_id = ANY($1::uuid[])) e
        ORDER BY seq NULLS LAST, id`,
      [actorIds],
    );
  }

  /** Chained events matching the filter, newest first, at most 1000. */
  findChained(manager: EntityManager, filter: AuditFilter): Promise<AuditEvent[]> {
    const query = manager.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.clientId) query.andWhere('e.client_id = :clientId', { clientId: filter.clientId });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.subjectId) query.andWhere('e.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.outcome) query.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) query.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.occurred_at < :to', { to: filter.to });
    if (filter.beforeSeq) query.andWhere('e.seq < :before', { before: filter.beforeSeq });
    return query
      .orderBy('e.seq', 'DESC')
      .limit(Math.min(filter.limit ?? 100, 1000))
      .getMany();
  }

  /** Up to `limit` chained events after seq `afterSeq` (from the first when undefined), in chain order. */
  chainedPage(manager: EntityManager, afterSeq: string | undefined, limit: number): Promise<AuditEvent[]> {
    const query = manager.getRepository(AuditEvent).createQueryBuilder('e');
    if (afterSeq !== undefined) query.where('e.seq > :after', { after: afterSeq });
    return query.orderBy('e.seq', 'ASC').limit(limit).getMany();
  }
}
