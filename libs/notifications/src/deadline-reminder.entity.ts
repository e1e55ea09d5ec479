import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';

export type ReminderKind = 'day_before' | 'overdue';

/**
 * A deadline the DPO is reminded of (a data subject request, a breach's notifications): a day before
 * and when overdue. Written by the library that owns the deadline, in its transaction, and cancelled
 * by it when the work is done. Ids only.
 */
@NoPersonalData()
@Entity('deadline_reminders')
@Index('uq_deadline_reminders_subject_kind', ['subjectType', 'subjectId', 'deadlineLabel', 'kind'], { unique: true })
@Index('ix_deadline_reminders_due', ['remindAt'], { where: `"status" = 'pending'` })
@Check('ck_deadline_reminders_audience', `audience IN ('client', 'dpo')`)
@Check('ck_deadline_reminders_kind', `kind IN ('day_before', 'overdue')`)
@Check('ck_deadline_reminders_status', `status IN ('pending', 'sent', 'cancelled')`)
export class DeadlineReminder {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_deadline_reminders' })
  id: string;

  /** The DPO (operator deadlines) or the client (a forwarded request it must answer). */
  @Column('varchar', { length: 16 })
  audience: 'client' | 'dpo';

  @Column('uuid', { nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 40 })
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  /** Which deadline of the subject ('response', 'regulator', 'clients'). */
  @Column('varchar', { length: 40 })
  deadlineLabel: string;

  @Column('timestamptz')
  deadlineAt: Date;

  @Column('varchar', { length: 16 })
  kind: ReminderKind;

  @Column('timestamptz')
  remindAt: Date;

  @Column('varchar', { length: 16, default: 'pending' })
  status: 'pending' | 'sent' | 'cancelled';
}
