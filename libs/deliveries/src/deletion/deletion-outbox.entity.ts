import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Recording } from '#calls';

export type DeletionReason = 'delivered' | 'retention';
export type DeletionStatus = 'pending' | 'done';

/**
 * The deletion outbox: one row per recording that must be deleted, written in the same transaction
 * that decided it (a completed download, or retention). The row outlives any Redis or S3 outage; the
 * worker works it off (shred key, delete object, verify, mark deleted) and a sweep re-enqueues rows
 * still pending. One row per recording, ever.
 */
@PersonalData({ dataRole: 'processor', category: 'deletion_record', purposes: ['service_delivery', 'legal_obligation'] })
@Entity('deletion_outbox')
@Index('uq_deletion_outbox_recording', ['recordingId'], { unique: true })
@Index('ix_deletion_outbox_pending', ['createdAt'], { where: `"status" = 'pending'` })
@Check('ck_deletion_outbox_reason', `reason IN ('delivered', 'retention')`)
@Check('ck_deletion_outbox_status', `status IN ('pending', 'done')`)
export class DeletionOutboxEntry {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_deletion_outbox' })
  id: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  recordingId: string;

  @ManyToOne(() => Recording, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recording_id', foreignKeyConstraintName: 'fk_deletion_outbox_recording' })
  recording?: Recording;

  @Column('varchar', { length: 16 })
  reason: DeletionReason;

  /** The delivery whose download decided it (reason 'delivered'). */
  @Column('uuid', { nullable: true })
  deliveryId: string | null;

  @Column('varchar', { length: 16, default: 'pending' })
  status: DeletionStatus;

  /** Failed attempts so far, and the last failure's code (never a message with data in it). */
  @Column('int', { default: 0 })
  attempts: number;

  @Column('varchar', { length: 64, nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;
}
