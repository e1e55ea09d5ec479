import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationOutboxEntry } from './notification-outbox.entity';

/** A row as written with its notice: not yet attempted. */
export type NewOutboxRow = Omit<NotificationOutboxEntry, 'notification' | 'endpoint' | 'lastError' | 'lastAttemptAt' | 'sentAt'>;

/** The SQL on `notification_outbox`. Every method takes the caller's manager or transaction. */
@Injectable()
export class NotificationOutboxRepository {
  async insert(tx: EntityManager, rows: NewOutboxRow[]): Promise<void> {
    await tx.insert(NotificationOutboxEntry, rows);
  }

  byId(manager: EntityManager, id: string): Promise<NotificationOutboxEntry | null> {
    return manager.findOne(NotificationOutboxEntry, { where: { id } });
  }

  ofNotice(manager: EntityManager, noticeId: string): Promise<NotificationOutboxEntry[]> {
    return manager.find(NotificationOutboxEntry, { where: { notificationId: noticeId } });
  }

  ofNotices(manager: EntityManager, noticeIds: string[]): Promise<NotificationOutboxEntry[]> {
    return manager.createQueryBuilder(NotificationOutboxEntry, 'o').where('o.notification_id IN (:...ids)', { ids: noticeIds }).getMany();
  }

  countPendingOfNotice(manager: EntityManager, noticeId: string): Promise<number> {
    return manager.count(NotificationOutboxEntry, { where: { notificationId: noticeId, status: 'pending' } });
  }

  /**
   * Ids of pending rows due at `now` whose last attempt (if any) was before `retryBefore`, after `after`
   * in id order: one page of the sweep.
   */
  async dueIds(manager: EntityManager, page: { now: Date; retryBefore: Date; after: string; limit: number }): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(NotificationOutboxEntry, 'o')
      .select(['o.id'])
      .where(`o.status = 'pending' AND o.due_at <= :now AND o.id > :after`, { now: page.now, after: page.after })
      .andWhere('(o.last_attempt_at IS NULL OR o.last_attempt_at < :retryBefore)', { retryBefore: page.retryBefore })
      .orderBy('o.id')
      .limit(page.limit)
      .getMany();
    return rows.map((r) => r.id);
  }

  /** The notice's pending rows fall due at `dueAt` (an urgent message closed its group). */
  async bringForwardPending(tx: EntityManager, noticeId: string, dueAt: Date): Promise<void> {
    await tx.update(NotificationOutboxEntry, { notificationId: noticeId, status: 'pending' }, { dueAt });
  }

  /** True when the row was still pending (so this send is the one that counts). */
  async markSent(tx: EntityManager, id: string, sentAt: Date): Promise<boolean> {
    const done = await tx.update(NotificationOutboxEntry, { id, status: 'pending' }, { status: 'sent', sentAt, lastError: null });
    return !!done.affected;
  }

  /** A failed attempt of a row still pending: counted, with its code and time. */
  async recordFailedAttempt(tx: EntityManager, id: string, code: string, at: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(NotificationOutboxEntry)
      .set({ attempts: () => 'attempts + 1', lastError: code, lastAttemptAt: at })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
  }

  /** The row, if still pending, will not be sent: failed with this code. */
  async failPending(manager: EntityManager, id: string, code: string): Promise<void> {
    await manager.update(NotificationOutboxEntry, { id, status: 'pending' }, { status: 'failed', lastError: code });
  }

  /** Everything still pending for the endpoint fails with this code (it was disabled or deleted). */
  async failPendingOfEndpoint(tx: EntityManager, endpointId: string, code: string): Promise<void> {
    await tx.update(NotificationOutboxEntry, { endpointId, status: 'pending' }, { status: 'failed', lastError: code });
  }
}
