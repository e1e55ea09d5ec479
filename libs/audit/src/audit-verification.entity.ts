import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NoPersonalData } from './personal-data';

/**
 * The outcome of each chain verification (nightly, or asked for by an admin or the DPO), so anyone
 * allowed to read the trail, clients included, can see when the chain was last proven intact without
 * re-running a whole-chain check themselves. Append-only.
 */
// Times, counts and sequence numbers of the audit chain only.
@NoPersonalData()
@Entity('audit_verifications')
@Index('ix_audit_verifications_verified', ['verifiedAt'])
export class AuditVerification {
  @PrimaryGeneratedColumn('increment', { primaryKeyConstraintName: 'pk_audit_verifications' })
  id: number;

  @Column('timestamptz')
  verifiedAt: Date;

  @Column('boolean')
  ok: boolean;

  @Column('int')
  events: number;

  /** The last event the verification reached (the head when intact). */
  @Column('bigint', { nullable: true })
  headSeq: string | null;

  @Column('bigint', { nullable: true })
  brokenSeq: string | null;
}
