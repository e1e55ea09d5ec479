import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClientsService } from '#clients';
import { ADVISORY_LOCKS } from '#database';
import type { SqlPart } from '#database';
import { messageNewSummarySql } from './notice-text';
import { Notification, NoticeAudience } from './notification.entity';

/** Which notices a list shows: one client's, or the operator's (admin) or the DPO's own. */
export type NoticeShelf = { audience: 'client'; clientId: string | null } | { audience: Exclude<NoticeAudience, 'client'> };

/**
 * The SQL on `notifications` and on `notice_message_joins` (messages that joined an open new-message
 * notice and wait to be folded into its facts), and the per-client locks that order the two. Every
 * method takes the caller's manager or transaction.
 */
@Injectable()
export class NoticesRepository {
  constructor(private readonly clients: ClientsService) {}

  /**
   * The INSERT by which a message joins its client's open new-message notice, for the caller's write
   * batch. It holds the client's grouping lock in shared mode until the transaction ends, so concurrent
   * joins do not queue on each other nor lock the notice's row, while whoever takes that lock
   * exclusively (`lockGrouping`, `lockGroupingOfNotices`) waits for joins in flight. No row when no
   * notice is open.
   */
  joinOpenMessageNoticePart(clientId: string, messageId: string, now: Date): SqlPart {
    // The lock is taken only once a notice was chosen, so whoever holds it has joined (a holder that
    // then waited for the opening lock could deadlock with the opener waiting for the grouping lock).
    return {
      sql: `INSERT INTO notice_message_joins (notification_id, message_id)
            SELECT o.id, $2
              FROM (SELECT id FROM notifications
                     WHERE client_id = $1 AND event = 'message.new' AND group_open_until > $3
                     ORDER BY created_at DESC LIMIT 1) o
             WHERE pg_advisory_xact_lock_shared($4, hashtext($1::text)) IS NOT NULL
            RETURNING id`,
      params: [clientId, messageId, now, ADVISORY_LOCKS.perClient.messageNoticeGrouping],
    };
  }

  /** The same join as its own statement: true when the message joined an open notice. */
  async joinOpenMessageNotice(tx: EntityManager, clientId: string, messageId: string, now: Date): Promise<boolean> {
    const { sql, params } = this.joinOpenMessageNoticePart(clientId, messageId, now);
    return ((await tx.query(sql, params)) as unknown[]).length > 0;
  }

  /** The client's opening lock, exclusive until the transaction ends, if no one else holds it now. */
  async tryLockOpening(tx: EntityManager, clientId: string): Promise<boolean> {
    const [row] = await tx.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [ADVISORY_LOCKS.perClient.messageNoticeOpening, clientId]);
    return row.locked === true;
  }

  /**
   * Waits until nobody holds the client's opening lock (its holder committed or rolled back), holding
   * nothing afterwards: a session lock taken and given back in one statement.
   */
  async awaitOpening(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_unlock_shared($1, hashtext($2)) FROM (SELECT pg_advisory_lock_shared($1, hashtext($2)) OFFSET 0) waited', [
      ADVISORY_LOCKS.perClient.messageNoticeOpening,
      clientId,
    ]);
  }

  /** The client's grouping lock, exclusive until the transaction ends: no message joins or opens a notice meanwhile. */
  async lockGrouping(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.perClient.messageNoticeGrouping, clientId]);
  }

  /** The grouping locks of these notices' clients, in client order (no deadlock between two folds). */
  async lockGroupingOfNotices(tx: EntityManager, noticeIds: string[]): Promise<void> {
    await tx.query(
      `SELECT pg_advisory_xact_lock($2, hashtext(client_id::text))
         FROM (SELECT DISTINCT client_id FROM notifications WHERE id = ANY($1::uuid[]) AND client_id IS NOT NULL ORDER BY client_id) c`,
      [noticeIds, ADVISORY_LOCKS.perClient.messageNoticeGrouping],
    );
  }

  /**
   * Moves the messages that joined these notices into their facts (messageIds in joining order, count)
   * and summary, deleting the joins, in one statement. True when any notice changed.
   */
  async foldJoinedMessages(tx: EntityManager, noticeIds: string[]): Promise<boolean> {
    const count = `(jsonb_array_length(coalesce(n.facts->'messageIds', '[]'::jsonb)) + jsonb_array_length(j.ids))`;
    const urgent = `coalesce((n.facts->>'urgentCount')::int, 0)`;
    const folded: unknown[] = await tx.query(
      `WITH gone AS (DELETE FROM notice_message_joins WHERE notification_id = ANY($1::uuid[]) RETURNING id, notification_id, message_id),
            joined AS (SELECT notification_id, jsonb_agg(to_jsonb(message_id::text) ORDER BY id) AS ids FROM gone GROUP BY notification_id)
       UPDATE notifications n
          SET facts = n.facts || jsonb_build_object('messageIds', coalesce(n.facts->'messageIds', '[]'::jsonb) || j.ids, 'count', ${count}, 'urgentCount', ${urgent}),
              summary = ${messageNewSummarySql(count, this.clients.nameSql('n.client_id'), urgent)}
         FROM joined j
        WHERE n.id = j.notification_id
       RETURNING n.id`,
      [noticeIds],
    );
    return folded.length > 0;
  }

  /** The client's new-message notice still open for grouping at `now` (the newest), row-locked. */
  openMessageNoticeForUpdate(tx: EntityManager, clientId: string, now: Date): Promise<Notification | null> {
    return tx
      .createQueryBuilder(Notification, 'n')
      .setLock('pessimistic_write')
      .where(`n.client_id = :clientId AND n.event = 'message.new' AND n.group_open_until > :now`, { clientId, now })
      .orderBy('n.created_at', 'DESC')
      .getOne();
  }

  byId(manager: EntityManager, id: string): Promise<Notification | null> {
    return manager.findOne(Notification, { where: { id } });
  }

  byIdOrFail(manager: EntityManager, id: string): Promise<Notification> {
    return manager.findOneOrFail(Notification, { where: { id } });
  }

  /** Whether the client already has a notice of this event for this day (`facts.day`). */
  async existsForDay(tx: EntityManager, clientId: string, event: string, day: string): Promise<boolean> {
    const count = await tx.createQueryBuilder(Notification, 'n').where(`n.client_id = :clientId AND n.event = :event AND n.facts->>'day' = :day`, { clientId, event, day }).getCount();
    return count > 0;
  }

  /** The shelf's newest notices, newest first. */
  newest(manager: EntityManager, shelf: NoticeShelf, limit: number): Promise<Notification[]> {
    const q = manager.createQueryBuilder(Notification, 'n').orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit);
    if (shelf.audience === 'client') q.where(`n.audience = 'client' AND n.client_id = :clientId`, { clientId: shelf.clientId });
    else q.where(`n.audience = :audience`, { audience: shelf.audience });
    return q.getMany();
  }

  async insert(tx: EntityManager, notice: Notification): Promise<void> {
    await tx.insert(Notification, notice);
  }

  /** A new-message notice's group changed: its facts, summary, urgency and when the group closes. */
  async updateGroup(tx: EntityManager, id: string, changes: Pick<Notification, 'facts' | 'urgent' | 'summary' | 'groupOpenUntil'>): Promise<void> {
    await tx.update(Notification, { id }, changes);
  }

  async eraseSecret(tx: EntityManager, id: string): Promise<void> {
    await tx.update(Notification, { id }, { sealedSecret: null });
  }

  /** Erases the sealed secrets of notices with no pending outbox row left, whatever ended them. */
  async eraseCarriedSecrets(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE notifications n SET sealed_secret = NULL
       WHERE n.sealed_secret IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notification_outbox o WHERE o.notification_id = n.id AND o.status = 'pending')`,
    );
  }

  /** The client's daily-summary lock, until the transaction ends: one summary per client and day. */
  async lockDailySummary(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.perClient.dailySummary, clientId]);
  }
}
