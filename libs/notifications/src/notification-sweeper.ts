import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { ClientsService } from '#clients';
import { Clock } from '#clock';
import { ADVISORY_LOCKS } from '#database';
import { CallerMessages } from './caller-message-source';
import { DeadlineReminder } from './deadline-reminder.entity';
import { NotificationOutboxEntry } from './notification-outbox.entity';
import { NotificationScheduler } from './notification.scheduler';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { UrgentEscalation } from './urgent-escalation.entity';

const BATCH = 200;
/** A row whose retries bull used up is tried again this long after its last attempt (not on every sweep). */
const RETRY_EXHAUSTED_AFTER_MS = 60_000;
const DAY_MS = 86_400_000;

export interface NoticeSweepResult {
  /** Pending rows due now that were given a live job. */
  queued: number;
  escalated: number;
  reminded: number;
  summaries: number;
}

/**
 * The worker's periodic pass: outbox rows due (a grouping window ended, or their job was lost while
 * Redis was down) get a live job; urgent messages still unread escalate; deadline reminders fall due;
 * daily summaries go out once a day. Each step is idempotent, so two workers sweeping at once or a
 * sweep cut short do no harm.
 */
@Injectable()
export class NotificationSweeper {
  private readonly logger = new Logger(NotificationSweeper.name);
  private summariesCheckedFor: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly scheduler: NotificationScheduler,
    private readonly messages: CallerMessages,
    private readonly clients: ClientsService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<NoticeSweepResult> {
    const escalated = await this.escalate();
    const reminded = await this.remind();
    const summaries = await this.dailySummaries();
    const queued = await this.queueDue();
    await this.forgetCarriedSecrets();
    if (escalated || reminded || summaries) this.logger.log(`notices: ${escalated} escalations, ${reminded} reminders, ${summaries} summaries`);
    return { queued, escalated, reminded, summaries };
  }

  private async queueDue(): Promise<number> {
    let queued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource
        .getRepository(NotificationOutboxEntry)
        .createQueryBuilder('o')
        .select(['o.id'])
        .where(`o.status = 'pending' AND o.due_at <= :now AND o.id > :after`, { now: this.clock.now(), after })
        .andWhere('(o.last_attempt_at IS NULL OR o.last_attempt_at < :retryBefore)', { retryBefore: new Date(this.clock.now().getTime() - RETRY_EXHAUSTED_AFTER_MS) })
        .orderBy('o.id')
        .limit(BATCH)
        .getMany();
      for (const row of rows) if ((await this.scheduler.ensureQueued(row.id)) !== 'queued') queued++;
      if (rows.length < BATCH) return queued;
      after = rows[rows.length - 1].id;
    }
  }

  /**
   * A sealed password stays only while some channel still has to carry it. The sender erases it after
   * the last send; this catches notices whose last pending row ended otherwise (an endpoint deleted or
   * disabled, its rows failed), so no password lingers for want of a successful send.
   */
  private async forgetCarriedSecrets(): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications n SET sealed_secret = NULL
       WHERE n.sealed_secret IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notification_outbox o WHERE o.notification_id = n.id AND o.status = 'pending')`,
    );
  }

  /** Level 1: the new-message recipients again; level 2 and on: the second recipient too. Until read. */
  private async escalate(): Promise<number> {
    const source = this.messages.available;
    if (!source) return 0;
    const due = await this.dataSource.getRepository(UrgentEscalation).find({ where: { resolvedAt: IsNull(), nextAt: LessThanOrEqual(this.clock.now()) }, take: BATCH });
    let escalated = 0;
    for (const watch of due) {
      const unread = await source.unread(watch.clientId, [watch.messageId]);
      await this.dataSource.transaction(async (tx) => {
        const now = this.clock.now();
        const { name, settings } = await this.notifications.settingsOf(watch.clientId, tx);
        if (!unread.length || !settings.escalationMinutes) {
          await tx.update(UrgentEscalation, { id: watch.id, resolvedAt: IsNull() }, { resolvedAt: now });
          return;
        }
        const level = watch.level + 1;
        const claimed = await tx.update(
          UrgentEscalation,
          { id: watch.id, level: watch.level, resolvedAt: IsNull() },
          { level, nextAt: new Date(now.getTime() + settings.escalationMinutes * 60_000) },
        );
        if (!claimed.affected) return; // another sweep took it
        await this.notifications.notify(tx, {
          clientId: watch.clientId,
          name,
          settings,
          event: 'message.escalation',
          urgent: true,
          facts: { messageIds: [watch.messageId], level },
          extraEmails: level >= 2 && settings.escalationEmail ? [settings.escalationEmail] : [],
        });
        escalated++;
      });
    }
    return escalated;
  }

  private async remind(): Promise<number> {
    const due = await this.dataSource.getRepository(DeadlineReminder).find({ where: { status: 'pending', remindAt: LessThanOrEqual(this.clock.now()) }, take: BATCH });
    let reminded = 0;
    for (const reminder of due) {
      await this.dataSource.transaction(async (tx) => {
        const claimed = await tx.update(DeadlineReminder, { id: reminder.id, status: 'pending' }, { status: 'sent' });
        if (!claimed.affected) return;
        const facts = {
          subjectType: reminder.subjectType,
          subjectId: reminder.subjectId,
          label: reminder.deadlineLabel,
          deadline: reminder.deadlineAt.toISOString(),
          kind: reminder.kind,
        };
        if (reminder.audience === 'client' && reminder.clientId) {
          const { name, settings } = await this.notifications.settingsOf(reminder.clientId, tx);
          await this.notifications.notify(tx, { clientId: reminder.clientId, name, settings, event: 'request.reminder', facts });
        } else {
          const name = reminder.clientId ? (await this.clients.get(reminder.clientId, tx)).name : 'the operator';
          await this.notifications.notify(tx, { clientId: reminder.clientId, name, settings: null, audience: 'dpo', event: 'deadline.reminder', facts });
        }
        reminded++;
      });
    }
    return reminded;
  }

  /** Once per (clock) day, for yesterday: one counts-only notice per client that asked for it. */
  private async dailySummaries(): Promise<number> {
    const source = this.messages.available;
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!source || this.summariesCheckedFor === today) return 0;
    const to = new Date(`${today}T00:00:00.000Z`);
    const from = new Date(to.getTime() - DAY_MS);
    const day = from.toISOString().slice(0, 10);
    let sent = 0;
    for (const client of await this.clients.list({ id: null, role: 'system' })) {
      if (client.status !== 'active') continue;
      const { name, settings } = await this.notifications.settingsOf(client.id, this.dataSource.manager);
      if (!settings.dailySummary) continue;
      const counts = await source.countLogged(client.id, from, to);
      await this.dataSource.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.perClient.dailySummary, client.id]);
        const done = await tx.createQueryBuilder(Notification, 'n').where(`n.client_id = :id AND n.event = 'summary.daily' AND n.facts->>'day' = :day`, { id: client.id, day }).getCount();
        if (done) return;
        await this.notifications.notify(tx, { clientId: client.id, name, settings, event: 'summary.daily', facts: { day, count: counts.total, urgentCount: counts.urgent } });
        sent++;
      });
    }
    this.summariesCheckedFor = today;
    return sent;
  }
}
