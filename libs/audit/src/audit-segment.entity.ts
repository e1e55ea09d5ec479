import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { NoPersonalData } from './personal-data';

/**
 * A sealed stretch of the chain, seq `firstSeq`..`lastSeq`: the unit in which old audit is retired.
 * Its anchor hashes stay after its events are pruned, so the chain left behind still verifies from
 * `lastHash`. Rows are append-only but for `prunedAt`, set once, oldest segment first (by trigger).
 */
// Seq ranges, hashes and times of the audit chain only.
@NoPersonalData()
@Entity('audit_segments')
@Unique('uq_audit_segments_first_seq', ['firstSeq'])
@Check('ck_audit_segments_range', 'last_seq >= first_seq')
export class AuditSegment {
  @PrimaryGeneratedColumn('increment', { primaryKeyConstraintName: 'pk_audit_segments' })
  id: number;

  @Column('bigint')
  firstSeq: string;

  @Column('bigint')
  lastSeq: string;

  @Column('int')
  events: number;

  /** The hash of the event before `firstSeq` (the genesis hash for the first segment). */
  @Column('char', { length: 64 })
  prevHash: string;

  /** The hash of the event at `lastSeq`: where the chain continues from once this segment is pruned. */
  @Column('char', { length: 64 })
  lastHash: string;

  @Column('timestamptz')
  firstOccurredAt: Date;

  /** The youngest event in the segment: retention prunes the segment only once this is past the period. */
  @Column('timestamptz')
  lastOccurredAt: Date;

  @Column('timestamptz')
  sealedAt: Date;

  @Column('timestamptz', { nullable: true })
  prunedAt: Date | null;
}
