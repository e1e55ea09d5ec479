import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { NoPersonalData } from '#audit';

export const TRANSFER_MECHANISMS = ['adequacy', 'sccs', 'bcrs'] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

/** A company processing personal data on the operator's behalf, under contract (seed 001, 004; art. 28(2), 44–46). */
@NoPersonalData()
@Entity('sub_processors')
@Unique('uq_sub_processors_name', ['name'])
@Check('ck_sub_processors_mechanism', `transfer_mechanism IS NULL OR transfer_mechanism IN ('adequacy', 'sccs', 'bcrs')`)
@Check('ck_sub_processors_status', `status IN ('active', 'ended')`)
@Check('ck_sub_processors_location', `location ~ '^[A-Z]{2}$'`)
export class SubProcessor {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sub_processors' })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text')
  purpose: string;

  /** Where the data is processed: ISO 3166-1 alpha-2 country code. */
  @Column('char', { length: 2 })
  location: string;

  @Column('text', { array: true })
  dataCategories: string[];

  @Column('date')
  contractDate: string;

  /** Required when the location is outside the UK and the EEA. */
  @Column('varchar', { length: 16, nullable: true })
  transferMechanism: TransferMechanism | null;

  /** e.g. "EU SCCs 2021/914 module 3 + UK addendum, signed 2025-04-01". */
  @Column('varchar', { length: 300, nullable: true })
  transferMechanismReference: string | null;

  @Column('varchar', { length: 16, default: 'active' })
  status: 'active' | 'ended';

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
