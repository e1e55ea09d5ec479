import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { DeadlineReminder, ReminderKind } from './deadline-reminder.entity';

export interface TrackedDeadline {
  audience: 'dpo' | 'client';
  clientId: string | null;
  subjectType: string;
  subjectId: string;
  label: string;
  deadline: Date;
}

/** The SQL on `deadline_reminders`. Every method takes the caller's manager or transaction. */
@Injectable()
export class DeadlineRemindersRepository {
  /** A reminder of this kind at `remindAt`. A deadline moved (an extension) reminds afresh; the same deadline again changes nothing. */
  async schedule(tx: EntityManager, deadline: TrackedDeadline, kind: ReminderKind, remindAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO deadline_reminders (id, audience, client_id, subject_type, subject_id, deadline_label, deadline_at, kind, remind_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')
       ON CONFLICT (subject_type, subject_id, deadline_label, kind)
       DO UPDATE SET deadline_at = EXCLUDED.deadline_at, remind_at = EXCLUDED.remind_at, status = 'pending'
       WHERE deadline_reminders.deadline_at <> EXCLUDED.deadline_at`,
      [randomUUID(), deadline.audience, deadline.clientId, deadline.subjectType, deadline.subjectId, deadline.label, deadline.deadline, kind, remindAt],
    );
  }

  /** The subject's pending reminders (of one deadline, or all of them) are cancelled. */
  async cancelPending(tx: EntityManager, subjectType: string, subjectId: string, label?: string): Promise<void> {
    await tx.update(DeadlineReminder, { subjectType, subjectId, status: 'pending', ...(label ? { deadlineLabel: label } : {}) }, { status: 'cancelled' });
  }

  /** Pending reminders due at `now`, at most `limit`. */
  due(manager: EntityManager, now: Date, limit: number): Promise<DeadlineReminder[]> {
    return manager.find(DeadlineReminder, { where: { status: 'pending', remindAt: LessThanOrEqual(now) }, take: limit });
  }

  /** Marks the reminder sent; false when another sweep sent it first. */
  async claim(tx: EntityManager, id: string): Promise<boolean> {
    const claimed = await tx.update(DeadlineReminder, { id, status: 'pending' }, { status: 'sent' });
    return !!claimed.affected;
  }
}
