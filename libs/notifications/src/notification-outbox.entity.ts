import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Notification } from './notification.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type NoticeChannel = 'email' | 'webhook';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * The notification outbox: one row per notice and recipient (an email address or a webhook endpoint),
 * written with the notice. The worker sends it when due; a sweep re-queues rows still pending, so a
 * Redis, SMTP or receiver outage delays a notice but never loses it. The row id is the webhook-id.
 */
@PersonalData({ dataRole: 'controller', category: 'client_contact', purposes: ['service_delivery'] })
@Entity('notification_outbox')
@Index('ix_notification_outbox_due', ['dueAt'], { where: `"status" = 'pending'` })
@Index('ix_notification_outbox_notification', ['notificationId'])
@Check('ck_notification_outbox_channel', `channel IN ('email', 'webhook')`)
@Check('ck_notification_outbox_status', `status IN ('pending', 'sent', 'failed')`)
@Check('ck_notification_outbox_target', `(channel = 'email' AND email_address IS NOT NULL) OR (channel = 'webhook' AND endpoint_id IS NOT NULL)`)
export class NotificationOutboxEntry {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_notification_outbox' })
  id: string;

  @Column('uuid')
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_notification_outbox_notification' })
  notification?: Notification;

  @Column('uuid', { nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 16 })
  channel: NoticeChannel;

  @Column('varchar', { length: 320, nullable: true })
  emailAddress: string | null;

  @Column('uuid', { nullable: true })
  endpointId: string | null;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_notification_outbox_endpoint' })
  endpoint?: WebhookEndpoint;

  @Column('varchar', { length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column('int', { default: 0 })
  attempts: number;

  /** The last failure's code (never a message with data in it). */
  @Column('varchar', { length: 64, nullable: true })
  lastError: string | null;

  @Column('timestamptz')
  dueAt: Date;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;
}
