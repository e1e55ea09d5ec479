import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Client } from '#clients';
import { bigintNumber } from '#database';

/**
 * open: nothing sent completely yet. awaiting_receipt: sent completely at least once; the same
 * credential may download again until the client posts the archive's SHA-256 or the receipt window
 * passes. consumed: receipt confirmed, or the window passed (its recordings are being deleted).
 * expired: closed by the sweep after expiresAt, never sent. locked: too many wrong passwords.
 */
export type DeliveryStatus = 'open' | 'awaiting_receipt' | 'consumed' | 'expired' | 'locked';

/** receipt: the client's SHA-256 matched. receipt_window: no receipt within the window. no_window: the client's window is 0. */
export type DeliveryConsumedBy = 'receipt' | 'receipt_window' | 'no_window';

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
@Index('ix_deliveries_receipt_due', ['receiptDueAt'])
@Check('ck_deliveries_status', `status IN ('open', 'awaiting_receipt', 'consumed', 'expired', 'locked')`)
@Check('ck_deliveries_consumed_by', `consumed_by IN ('receipt', 'receipt_window', 'no_window')`)
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

  /** Chosen items withheld at creation because their data subject restricted or objected (not counted above). */
  @Column('int', { default: 0 })
  withheldCount: number;

  /** The client's receipt window when the delivery was made (minutes; 0: consumed once sent). */
  @Column('int', { default: 60 })
  receiptWindowMinutes: number;

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

  /** The length of the archive last sent completely (its Content-Length). */
  @Column('bigint', { nullable: true, transformer: bigintNumber })
  bytesSent: number | null;

  /** Transfers that ended with every byte handed over (the first starts the receipt window). */
  @Column('int', { default: 0 })
  transfersCompleted: number;

  /** SHA-256 (hex) of the archive last sent completely: what a receipt must match. */
  @Column('varchar', { length: 64, nullable: true })
  archiveSha256: string | null;

  /** The first complete transfer. */
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** sentAt + the receipt window: consumed then without a receipt. */
  @Column('timestamptz', { nullable: true })
  receiptDueAt: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  consumedBy: DeliveryConsumedBy | null;

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
