import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client } from '#clients';

export type NoticeAudience = 'client' | 'admin' | 'dpo';

/** Facts a notice states: counts, ids and deadlines, never caller content. */
export type NoticeFacts = Record<string, string | number | boolean | null | string[]>;

/**
 * One notice, as the portal and `GET /notifications` show it: written in the transaction of the event
 * that caused it, whether or not any channel can carry it, so none is silently lost. Its text names
 * the client business and counts, never a caller (no personal data).
 */
@NoPersonalData()
@Entity('notifications')
@Index('ix_notifications_client_created', ['clientId', 'createdAt'])
@Index('ix_notifications_audience_created', ['audience', 'createdAt'])
@Index('ix_notifications_open_group', ['clientId', 'event'], { where: `"group_open_until" IS NOT NULL` })
@Index('ix_notifications_sealed_secret', ['id'], { where: `"sealed_secret" IS NOT NULL` })
@Check('ck_notifications_audience', `audience IN ('client', 'admin', 'dpo')`)
export class Notification {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id: string;

  @Column('uuid', { nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_notifications_client' })
  client?: Client;

  @Column('varchar', { length: 16 })
  audience: NoticeAudience;

  @Column('varchar', { length: 40 })
  event: string;

  @Column('boolean', { default: false })
  urgent: boolean;

  @Column('varchar', { length: 500 })
  summary: string;

  @Column('jsonb', { default: {} })
  facts: NoticeFacts;

  /** New-message notices only: later messages join this notice until then (it is sent at that moment). */
  @Column('timestamptz', { nullable: true })
  groupOpenUntil: Date | null;

  /** A secret the notice must carry (a delivery's one-time password), wrapped; erased once every channel is done. */
  @Column('bytea', { nullable: true })
  sealedSecret: Buffer | null;

  @Column('timestamptz')
  createdAt: Date;
}
