import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Client } from '#clients';
import { NoPersonalData } from '#audit';

/**
 * The telephony system's credential for pushing one client's recordings. Stored only as a keyed
 * SHA-256 ('hmac-sha256:<hex>'); keys issued before that carry an argon2id hash until their next use.
 */
@NoPersonalData()
@Entity('ingest_keys')
@Index('ix_ingest_keys_client', ['clientId'])
export class IngestKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ingest_keys' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_ingest_keys_client' })
  client?: Client;

  @Column('varchar', { length: 100, nullable: true })
  label: string | null;

  @Column('text')
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  /** Wrong secrets presented for this key id since failureWindowStartedAt. */
  @Column('int', { default: 0 })
  failedAttempts: number;

  @Column('timestamptz', { nullable: true })
  failureWindowStartedAt: Date | null;

  /** Until then every attempt with this key id is refused unchecked (429). */
  @Column('timestamptz', { nullable: true })
  blockedUntil: Date | null;
}
