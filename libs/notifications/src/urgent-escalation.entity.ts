import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client } from '#clients';

/**
 * An urgent message being watched until someone reads it: at `nextAt` it is notified again (level 1),
 * then also to the client's second recipient (level 2 and on), every escalation interval, until read.
 * Ids only.
 */
@NoPersonalData()
@Entity('urgent_escalations')
@Index('uq_urgent_escalations_message', ['messageId'], { unique: true })
@Index('ix_urgent_escalations_due', ['nextAt'], { where: `"resolved_at" IS NULL` })
export class UrgentEscalation {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_urgent_escalations' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_urgent_escalations_client' })
  client?: Client;

  @Column('uuid')
  messageId: string;

  @Column('int', { default: 0 })
  level: number;

  @Column('timestamptz')
  nextAt: Date;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;
}
