import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Client } from '#clients';
import { bigintNumber } from '#database';

/**
 * open: waiting for its one download. consumed: downloaded completely (its recordings are being
 * deleted). expired: closed by the sweep after expiresAt. locked: too many wrong passwords.
 */
export type DeliveryStatus = 'open' | 'consumed' | 'expired' | 'locked';

/**
 * One one-time credentialed download of a client's chosen messages and recordings (data role:
 * processor metadata: ids, counts and a password hash, no caller content). The password is kept only
 * as an argon2id hash, and only while the delivery is open.
 *
 * `leaseUntil`/`leaseToken` are the download claim: one atomic UPDATE sets them, so only one
 * download runs at a time; the lease is renewed while bytes flow and lapses when a connection dies.
 */
@PersonalData({ dataRole: 'processor', category: 'delivery_metadata', purposes: ['service_delivery', 'billing'] })
@Entity('deliveries')
@Index('ix_deliveries_client_created', ['clientId', 'createdAt'])
@Index('ix_deliveries_open_expiry', ['expiresAt'], { where: `"status" = 'open'` })
@Check('ck_deliveries_status', `status IN ('open', 'consumed', 'expired', 'locked')`)
@Check('ck_deliveries_failed_attempts', `failed_attempts >= 0`)
export class Delivery {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_deliveries' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_deliveries_client' })
  client?: Client;

  @Column('varchar', { length: 16, default: 'open' })
  status: DeliveryStatus;

  /** argon2id of the normalised one-time password; cleared once the delivery is closed. */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  /** The user who created it (a client user, or an admin for the client). */
  @Column('uuid')
  createdBy: string;

  @Column('varchar', { length: 32 })
  createdByRole: string;

  /** The processing-instructions version whose expiry applied. */
  @Column('int')
  instructionsVersion: number;

  @Column('int')
  recordingCount: number;

  @Column('int')
  messageCount: number;

  @Column('timestamptz')
  expiresAt: Date;

  /** Wrong passwords so far; the delivery locks at the limit. */
  @Column('int', { default: 0 })
  failedAttempts: number;

  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Column('uuid', { nullable: true })
  leaseToken: string | null;

  /** Downloads that won the claim (interrupted ones included). */
  @Column('int', { default: 0 })
  downloadsStarted: number;

  @Column('bigint', { nullable: true, transformer: bigintNumber })
  bytesSent: number | null;

  @Column('timestamptz', { nullable: true })
  consumedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;

  /** When it stopped being open (consumed, expired or locked). */
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;
}
