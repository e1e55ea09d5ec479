import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client, ClientNoticeEvent } from '#clients';

export type WebhookStatus = 'active' | 'disabled' | 'deleted';

/**
 * A client's HTTPS endpoint for signed notices (Standard Webhooks). Its signing secret is shown once
 * and kept wrapped under a key derived from the master key (it must be usable to sign, so it cannot
 * be a one-way hash). Deleted endpoints stay as rows so past sends keep their target.
 */
@NoPersonalData()
@Entity('webhook_endpoints')
@Index('ix_webhook_endpoints_client', ['clientId'])
@Check('ck_webhook_endpoints_status', `status IN ('active', 'disabled', 'deleted')`)
export class WebhookEndpoint {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_endpoints' })
  id: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_webhook_endpoints_client' })
  client?: Client;

  @Column('varchar', { length: 2000 })
  url: string;

  /** Null: every client event. */
  @Column('jsonb', { nullable: true })
  events: ClientNoticeEvent[] | null;

  @Column('bytea')
  secretWrapped: Buffer;

  @Column('varchar', { length: 16, default: 'active' })
  status: WebhookStatus;

  /** Failed attempts since the last success. */
  @Column('int', { default: 0 })
  consecutiveFailures: number;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;
}
