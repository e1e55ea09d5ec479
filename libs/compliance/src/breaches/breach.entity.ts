import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { BreachAffectedClient } from './breach-affected-client.entity';

/**
 * One personal data breach (GDPR art. 33(5): every breach is recorded, notified or not). Rows are never
 * deleted: a trigger refuses it. A breach of caller data is each affected client's to report, so the
 * operator notifies them; a breach of the operator's own data goes to the regulator within 72 hours.
 */
@PersonalData({ dataRole: 'controller', category: 'breach_record', purposes: ['legal_obligation', 'security'] })
@Entity('breaches')
@Index('ix_breaches_detected', ['detectedAt'])
@Check('ck_breaches_scope', `affects_caller_data OR affects_operator_data`)
@Check('ck_breaches_regulator_due', `(regulator_due_at IS NOT NULL) = affects_operator_data`)
export class Breach {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_breaches' })
  id: string;

  /** When the operator became aware of it: the 72-hour clock starts here. */
  @Column('timestamptz')
  detectedAt: Date;

  @Column('timestamptz', { nullable: true })
  occurredAt: Date | null;

  @Column('text')
  nature: string;

  @Column('text', { array: true })
  dataCategories: string[];

  @Column('boolean')
  affectsCallerData: boolean;

  @Column('boolean')
  affectsOperatorData: boolean;

  @Column('int', { nullable: true })
  approxSubjects: number | null;

  @Column('int', { nullable: true })
  approxRecords: number | null;

  @Column('text')
  likelyConsequences: string;

  @Column('text')
  measuresTaken: string;

  /** Likely to result in a high risk to people's rights and freedoms (art. 34: inform them). */
  @Column('boolean', { default: false })
  highRisk: boolean;

  /** Detection + 72 hours, for a breach of the operator's own data (art. 33(1)). */
  @Column('timestamptz', { nullable: true })
  regulatorDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  regulatorNotifiedAt: Date | null;

  @Column('varchar', { length: 100, nullable: true })
  regulatorReference: string | null;

  /** The documented decision not to notify (unlikely to result in a risk), when taken. */
  @Column('text', { nullable: true })
  regulatorNotRequiredReason: string | null;

  @Column('timestamptz', { nullable: true })
  subjectsInformedAt: Date | null;

  @Column('text', { nullable: true })
  subjectsNotInformedReason: string | null;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => BreachAffectedClient, (affected) => affected.breach)
  affectedClients?: BreachAffectedClient[];
}
