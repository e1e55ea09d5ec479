import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import type { Purpose } from '#audit';

/**
 * A mark on one record: these purposes are refused for it (restriction, GDPR art. 18; objection,
 * art. 21). Ids only. The access policy consults it through ProcessingRestrictions.
 */
@PersonalData({ dataRole: 'controller', category: 'processing_restriction', purposes: ['legal_obligation'] })
@Entity('processing_restrictions')
@Index('ix_processing_restrictions_record', ['recordType', 'recordId'])
@Check('ck_processing_restrictions_grounds', `grounds IN ('restriction', 'objection')`)
export class ProcessingRestriction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_processing_restrictions' })
  id: string;

  @Column('uuid', { nullable: true })
  requestId: string | null;

  /** The client whose caller record it is; null for the operator's own records. */
  @Column('uuid', { nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 32 })
  recordType: string;

  @Column('uuid')
  recordId: string;

  @Column('text', { array: true })
  purposes: Purpose[];

  @Column('varchar', { length: 16 })
  grounds: 'restriction' | 'objection';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  liftedAt: Date | null;
}
