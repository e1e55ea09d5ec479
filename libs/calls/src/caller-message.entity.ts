import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Call } from './call.entity';
import { PersonalData } from '#audit';

/**
 * What the caller asked the agent to pass on (data role: processor). The declaration is read by the access policy for every access. Beyond the client's service: counts for billing, review
 * where the client's instructions allow it, the DPO's legal obligations, metadata for security, and
 * marketing only with each named caller's express permission on record (the policy checks each).
 */
@PersonalData({ dataRole: 'processor', category: 'caller_message', purposes: ['service_delivery', 'billing', 'quality_review', 'legal_obligation', 'security', 'marketing'] })
@Entity('caller_messages')
@Index('ix_caller_messages_client_created', ['clientId', 'createdAt', 'id'])
@Index('ix_caller_messages_client_unread', ['clientId', 'createdAt'], { where: '"read_at" IS NULL' })
@Index('ix_caller_messages_call', ['callId'])
@Index('ix_caller_messages_agent_created', ['agentId', 'createdAt'])
@Check('ck_caller_messages_urgency', `urgency IN ('normal', 'urgent')`)
export class CallerMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_caller_messages' })
  id: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_caller_messages_call' })
  call?: Call;

  @Column('uuid')
  agentId: string;

  @Column('varchar', { length: 200 })
  callerName: string;

  @Column('varchar', { length: 40 })
  callerPhone: string;

  @Column('varchar', { length: 320, nullable: true })
  callerEmail: string | null;

  @Column('text')
  body: string;

  @Column('varchar', { length: 16, default: 'normal' })
  urgency: 'normal' | 'urgent';

  @Column('boolean', { default: false })
  callbackRequested: boolean;

  /** Answers to the client's own intake fields, validated against its instructions. */
  @Column('jsonb', { default: {} })
  customFields: Record<string, string | number | boolean>;

  @Column('int')
  instructionsVersion: number;

  /** The delivery that carried this message to the client, once one has. */
  @Column('uuid', { nullable: true })
  deliveryId: string | null;

  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;

  /** The client's inbox state: first read (urgent messages escalate until then), and marked actioned, by which of its users. */
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @Column('uuid', { nullable: true })
  readBy: string | null;

  @Column('timestamptz', { nullable: true })
  actionedAt: Date | null;

  @Column('uuid', { nullable: true })
  actionedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the agent last corrected it (within its working window), if ever. */
  @Column('timestamptz', { nullable: true })
  correctedAt: Date | null;
}
