import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import type { Purpose } from '#audit';
import type { DsrSource, DsrStatus, DsrType, OperationReport, RecordMatch, Rectification, VerificationMethod } from './dsr.types';

/**
 * A data subject request (data role: controller — the operator's own accountability record). Holds
 * the identifiers the person gave, so the request can be worked; matches and reports hold ids only.
 */
@PersonalData({ dataRole: 'controller', category: 'data_subject_request', purposes: ['legal_obligation'] })
@Entity('data_subject_requests')
@Index('ix_data_subject_requests_status_due', ['status', 'dueAt'])
@Check('ck_data_subject_requests_type', `type IN ('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'human_review')`)
@Check('ck_data_subject_requests_status', `status IN ('received', 'in_progress', 'completed', 'refused')`)
@Check('ck_data_subject_requests_source', `source IN ('data_subject', 'representative', 'regulator')`)
@Check(
  'ck_data_subject_requests_verification',
  `verification_method IN ('not_verified', 'document', 'account_login', 'email_confirmation', 'known_contact', 'controller_confirmed')`,
)
@Check('ck_data_subject_requests_identifier', `subject_name IS NOT NULL OR subject_email IS NOT NULL OR subject_phone IS NOT NULL`)
@Check('ck_data_subject_requests_extension', `extended_months BETWEEN 0 AND 2`)
export class DataSubjectRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_data_subject_requests' })
  id: string;

  @Column('varchar', { length: 16 })
  type: DsrType;

  @Column('varchar', { length: 16, default: 'received' })
  status: DsrStatus;

  @Column('varchar', { length: 24, default: 'data_subject' })
  source: DsrSource;

  @Column('varchar', { length: 200, nullable: true })
  subjectName: string | null;

  @Column('varchar', { length: 320, nullable: true })
  subjectEmail: string | null;

  @Column('varchar', { length: 40, nullable: true })
  subjectPhone: string | null;

  /** The request in the person's words, if given. */
  @Column('text', { nullable: true })
  details: string | null;

  /** For rectification: the corrected values asked for. */
  @Column('jsonb', { nullable: true })
  rectification: Rectification | null;

  /** For objection: the purposes objected to (marketing when not said). */
  @Column('text', { array: true, nullable: true })
  objectionPurposes: Purpose[] | null;

  @Column('varchar', { length: 32 })
  verificationMethod: VerificationMethod;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  @Column('timestamptz')
  receivedAt: Date;

  /** One calendar month after receipt; 10 working days for rectification (seed 004). */
  @Column('timestamptz')
  originalDueAt: Date;

  /** The original due date plus any extension. */
  @Column('timestamptz')
  dueAt: Date;

  @Column('int', { default: 0 })
  extendedMonths: number;

  @Column('text', { nullable: true })
  extensionReason: string | null;

  @Column('timestamptz', { nullable: true })
  extendedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  /** Completion note, or the reason for refusing. */
  @Column('text', { nullable: true })
  outcomeNote: string | null;

  /** Operator (controller) records that match the person: users, client contacts, consent records. */
  @Column('jsonb', { default: [] })
  controllerMatches: RecordMatch[];

  /** What was done to the controller records, one report per operation. */
  @Column('jsonb', { default: [] })
  reports: OperationReport[];

  @Column('timestamptz', { nullable: true })
  exportedAt: Date | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
