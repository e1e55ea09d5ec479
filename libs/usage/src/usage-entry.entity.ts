import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client } from '#clients';

/** What the usage report counts; each kind is written once per source record. */
export const USAGE_KINDS = ['call', 'call_minutes', 'message', 'recording_stored', 'recording_deleted', 'delivery'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/**
 * One counted event of a client's usage, written in the transaction of the event itself and never
 * changed (triggers refuse UPDATE, DELETE and TRUNCATE). Holds no personal data: a kind, a quantity,
 * the instant it counts for and the id of the record that caused it (which may since have been erased),
 * so erasing caller data never rewrites a past report.
 */
@NoPersonalData()
@Entity('usage_ledger')
@Index('uq_usage_ledger_kind_source', ['kind', 'sourceId'], { unique: true })
@Index('ix_usage_ledger_client_occurred', ['clientId', 'occurredAt'])
@Check('ck_usage_ledger_kind', `kind IN (${USAGE_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('ck_usage_ledger_quantity', `quantity >= 0`)
export class UsageEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_usage_ledger' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client)
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_usage_ledger_client' })
  client?: Client;

  @Column('varchar', { length: 32 })
  kind: UsageKind;

  /** 1 for a counted record; billable minutes for `call_minutes`. */
  @Column('int')
  quantity: number;

  /** The instant the report counts it for (a call's start, a message's creation, a recording's storing...). */
  @Column('timestamptz')
  occurredAt: Date;

  /** The call, message, recording or delivery it counts: at most one entry per kind and source. */
  @Column('uuid')
  sourceId: string;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
