import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Client } from './client.entity';
import { PersonalData } from '#audit';
import type { NotificationSettings } from './notification-settings';

/** One field of a client's intake script, validated on every caller message. */
export interface IntakeField {
  name: string;
  /** What the agent's form shows; the name when absent. */
  label?: string;
  type: 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';
  required: boolean;
}

/**
 * A client's documented instructions to its processor (GDPR art. 28(3)(a)). Versioned and never
 * edited: a change is a new version, and every access records the version it relied on. Holds the
 * addresses the client's notices go to (its own staff's: controller data).
 */
@PersonalData({ dataRole: 'controller', category: 'client_contact', purposes: ['service_delivery'] })
@Entity('processing_instructions')
@Unique('uq_processing_instructions_client_version', ['clientId', 'version'])
@Check('ck_processing_instructions_retention', `recording_retention_days BETWEEN 1 AND 3650`)
@Check('ck_processing_instructions_expiry', `delivery_expiry_hours BETWEEN 1 AND 720`)
@Check('ck_processing_instructions_receipt_window', `receipt_window_minutes BETWEEN 0 AND 10080`)
export class ProcessingInstructions {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_processing_instructions' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_processing_instructions_client' })
  client?: Client;

  @Column('int')
  version: number;

  /** How the agent answers this client's calls. */
  @Column('varchar', { length: 1000, nullable: true })
  greeting: string | null;

  @Column('jsonb', { default: [] })
  intakeFields: IntakeField[];

  /** Recordings never downloaded are deleted after this many days. */
  @Column('int', { default: 30 })
  recordingRetentionDays: number;

  @Column('int', { default: 72 })
  deliveryExpiryHours: number;

  /**
   * How long a delivery sent completely waits for the client's receipt (the archive's SHA-256) before
   * it is consumed, and its recordings deleted, anyway. 0: consumed as soon as the server sent it all.
   */
  @Column('int', { default: 60 })
  receiptWindowMinutes: number;

  /**
   * Caller messages are erased this many days after their delivery (or, never delivered, their creation),
   * and calls anonymised once their messages are gone; a terminated client's caller data is erased this
   * many days after the contract ends.
   */
  @Column('int', { default: 90 })
  callerDataRetentionDays: number;

  @Column('boolean', { default: false })
  supervisorReviewAllowed: boolean;

  @Column('boolean', { default: false })
  aggregateStatisticsAllowed: boolean;

  /** Who is told of what, and whether notices may carry caller content (null: the defaults). */
  @Column('jsonb', { nullable: true })
  notifications: NotificationSettings | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
