import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorRole, DataRole, Outcome, Purpose } from './vocabulary';
import { PersonalData } from './personal-data';

/** Ids and codes only: values allowed in an event's details. Never names, numbers or message text. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * One link of the append-only, hash-chained accountability record (data role: controller).
 * Written in the transaction of the change it records to `audit_pending_events` (same fields, no
 * chain columns; see migration 1700000002020), then moved here by the sequencer with `seq`,
 * `prevHash`, `hash` and `canonical` (the exact text that was hashed): every row here is chained.
 */
@PersonalData({ dataRole: 'controller', category: 'accountability_record', purposes: ['security', 'legal_obligation'] })
@Entity('audit_events')
@Index('ix_audit_events_client_time', ['clientId', 'occurredAt'])
@Index('ix_audit_events_actor_time', ['actorId', 'occurredAt'])
@Index('ix_audit_events_subject', ['subjectId'])
@Index('uq_audit_events_seq', ['seq'], { unique: true })
export class AuditEvent {
  /** Insertion order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_events' })
  id: string;

  /** Gapless position in the chain, assigned by the sequencer under the chain lock. */
  @Column('bigint')
  seq: string;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('varchar', { length: 32 })
  actorRole: ActorRole;

  @Column('uuid', { nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 16 })
  dataRole: DataRole;

  @Column('varchar', { length: 32 })
  purpose: Purpose;

  @Column('varchar', { length: 64 })
  action: string;

  @Column('varchar', { length: 32, nullable: true })
  subjectType: string | null;

  @Column('varchar', { length: 64, nullable: true })
  subjectId: string | null;

  @Column('varchar', { length: 16 })
  outcome: Outcome;

  @Column('jsonb', { default: {} })
  details: AuditDetails;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;

  @Column('text')
  canonical: string;
}
