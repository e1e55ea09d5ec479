import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonalData } from '#audit';
import { Client } from '#clients';
import { DataSubjectRequest } from './data-subject-request.entity';
import type { ClientInstruction, ForwardStatus, OperationReport, RecordMatch } from './dsr.types';

/**
 * A request about caller data, forwarded to the client that controls it (GDPR art. 28(3)(e); seed 001:
 * within 24 hours). Row-level security keeps each client's inbox its own. Matches hold ids only.
 */
@PersonalData({ dataRole: 'controller', category: 'data_subject_request', purposes: ['legal_obligation'] })
@Entity('dsr_forwards')
@Unique('uq_dsr_forwards_request_client', ['requestId', 'clientId'])
@Index('ix_dsr_forwards_client_status', ['clientId', 'status'])
@Check('ck_dsr_forwards_status', `status IN ('awaiting_client', 'answered', 'closed')`)
@Check('ck_dsr_forwards_instruction', `last_instruction IS NULL OR last_instruction IN ('erase', 'export', 'rectify', 'restrict', 'refuse')`)
export class DsrForward {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dsr_forwards' })
  id: string;

  @Column('uuid')
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_dsr_forwards_request' })
  request?: DataSubjectRequest;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_dsr_forwards_client' })
  client?: Client;

  @Column('varchar', { length: 16, default: 'awaiting_client' })
  status: ForwardStatus;

  /** This client's caller records that match the person (never another client's). */
  @Column('jsonb')
  matches: RecordMatch[];

  @Column('timestamptz')
  forwardedAt: Date;

  /** Receipt + 24 hours: the latest the client should have had it (seed 001). */
  @Column('timestamptz')
  forwardedDueAt: Date;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  lastInstruction: ClientInstruction | null;

  /** What the processor did on each of the client's instructions, reported back. */
  @Column('jsonb', { default: [] })
  reports: OperationReport[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
