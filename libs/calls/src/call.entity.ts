import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Client } from '#clients';
import { PersonalData } from '#audit';

/** A call answered for a client (data role: processor — the client is the controller). */
/** Read by the access policy for every access (as caller messages, without marketing: a call names no caller who could permit it). */
@PersonalData({ dataRole: 'processor', category: 'call', purposes: ['service_delivery', 'billing', 'quality_review', 'legal_obligation', 'security'] })
@Entity('calls')
@Index('ix_calls_client_started', ['clientId', 'startedAt'])
@Index('ix_calls_agent_created', ['agentId', 'createdAt'])
@Index('uq_calls_client_external_ref', ['clientId', 'externalRef'], { unique: true })
@Check('ck_calls_times', `ended_at IS NULL OR ended_at >= started_at`)
@Check('ck_calls_creator', `(agent_id IS NULL) <> (ingest_key_id IS NULL)`)
export class Call {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_calls' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_calls_client' })
  client?: Client;

  /** The agent who logged it (a user id; no FK so erasing a user never touches caller data); null when the phone system created it. */
  @Column('uuid', { nullable: true })
  agentId: string | null;

  /** The ingest key the phone system created it with; null when an agent logged it. */
  @Column('uuid', { nullable: true })
  ingestKeyId: string | null;

  /** The phone system's own id for the call (unique per client): a repeated create finds the first call. */
  @Column('varchar', { length: 200, nullable: true })
  externalRef: string | null;

  @Column('varchar', { length: 40 })
  callerNumber: string;

  @Column('timestamptz')
  startedAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  /** The processing-instructions version in force when the call was logged. */
  @Column('int')
  instructionsVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
