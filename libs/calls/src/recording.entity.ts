import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '#database';
import { Call } from './call.entity';
import { PersonalData } from '#audit';

export type RecordingStatus = 'receiving' | 'stored' | 'delivered' | 'deleted';

/**
 * A call's audio (data role: processor), encrypted at rest under its own data key. Deleted as soon
 * as the client has downloaded it, or at the client's maximum retention if never downloaded.
 */
@PersonalData({ dataRole: 'processor', category: 'recording', purposes: ['service_delivery', 'billing', 'quality_review', 'legal_obligation', 'security'] })
@Entity('recordings')
@Index('uq_recordings_call', ['callId'], { unique: true })
@Index('ix_recordings_client_status', ['clientId', 'status'])
@Index('ix_recordings_retention', ['retainUntil'])
@Index('ix_recordings_receiving', ['createdAt'], { where: `"status" = 'receiving'` })
@Check('ck_recordings_status', `status IN ('receiving', 'stored', 'delivered', 'deleted')`)
export class Recording {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_recordings' })
  id: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  callId: string;

  /** One recording per call: enforced by uq_recordings_call (a second upload gets 409). */
  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_recordings_call' })
  call?: Call;

  @Column('varchar', { length: 16, default: 'receiving' })
  status: RecordingStatus;

  @Column('varchar', { length: 64 })
  contentType: string;

  /** Plaintext size and SHA-256, computed while the upload streamed. */
  @Column('bigint', { nullable: true, transformer: bigintNumber })
  size: number | null;

  @Column('char', { length: 64, nullable: true })
  sha256: string | null;

  @Column('varchar', { length: 300 })
  storageKey: string;

  /** The wrapped data key (crypto lib's data_keys); null once shredded. */
  @Column('uuid', { nullable: true })
  dataKeyId: string | null;

  /** Who pushed it: an agent's user id or an ingest key id. */
  @Column('uuid')
  uploadedBy: string;

  @Column('varchar', { length: 16 })
  uploadedVia: 'agent' | 'ingest_key';

  @Column('int')
  instructionsVersion: number;

  /** Deleted at this time if never downloaded (the client's maximum retention). */
  @Column('timestamptz', { nullable: true })
  retainUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  storedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;
}
