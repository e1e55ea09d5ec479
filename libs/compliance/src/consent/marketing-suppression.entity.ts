import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonalData } from '#audit';
import type { IdentifierKind } from '../rules/identifiers';

export type SuppressionSource = 'opt_out' | 'withdrawal' | 'objection' | 'erasure';

/**
 * Never market to this address or number again (seed 003). Only a keyed hash is kept, so the list
 * outlives an erasure without holding the identifier itself.
 */
@PersonalData({ dataRole: 'controller', category: 'marketing_suppression', purposes: ['marketing', 'legal_obligation'] })
@Entity('marketing_suppressions')
@Unique('uq_marketing_suppressions_identifier', ['identifierKind', 'identifierHash'])
@Check('ck_marketing_suppressions_kind', `identifier_kind IN ('email', 'phone')`)
@Check('ck_marketing_suppressions_source', `source IN ('opt_out', 'withdrawal', 'objection', 'erasure')`)
export class MarketingSuppression {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_marketing_suppressions' })
  id: string;

  @Column('varchar', { length: 8 })
  identifierKind: IdentifierKind;

  @Column('char', { length: 64 })
  identifierHash: string;

  @Column('varchar', { length: 16 })
  source: SuppressionSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
