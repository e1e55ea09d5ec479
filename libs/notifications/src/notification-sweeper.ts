import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClientsService } from '#clients';
import { Clock } from '#clock';
import { CallerMessages } from './caller-message-source';
import { DeadlineRemindersRepository } from './deadline-reminders.repository';
import { NoticesRepository } from './notices.repository';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { NotificationScheduler } from './notification.scheduler';
import { NotificationsService } from './notifications.service';
import { UrgentEscalationsRepository } from './urgent-escalations.repository';

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
    private readonly notices: NoticesRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly escalations: UrgentEscalationsRepository,
    private readonly reminders: DeadlineRemindersRepository,
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
      const now = this.clock.now();
      const ids = await this.outbox.dueIds(this.dataSource.manager, { now, retryBefore: new Date(now.getTime() - RETRY_EXHAUSTED_AFTER_MS), after, limit: BATCH });
      for (const id of ids) if ((await this.scheduler.ensureQueued(id)) !== 'queued') queued++;
      if (ids.length < BATCH) return queued;
      after = ids[ids.length - 1];
    }
  }

  /**
   * A sealed password stays only while some channel still has to carry it. The sender erases it after
   * the last send; this catches notices whose last pending row ended otherwise (an endpoint deleted or
   * disabled, its rows failed), so no password lingers for want of a successful send.
   */
  private async forgetCarriedSecrets(): Promise<void> {
    await this.notices.eraseCarriedSecrets(this.dataSource.manager);
  }

  /** Level 1: the new-message recipients again; level 2 and on: the second recipient too. Until read. */
  private async escalate(): Promise<number> {
    const source = this.messages.available;
    if (!source) return 0;
    const due = await this.escalations.due(this.dataSource.manager, this.clock.now(), BATCH);
    let escalated = 0;
    for (const watch of due) {
      const unread = await source.unread(watch.clientId, [watch.messageId]);
      await this.dataSource.transaction(async (tx) => {
        const now = this.clock.now();
        const { name, settings } = await this.notifications.settingsOf(watch.clientId, tx);
        if (!unread.length || !settings.escalationMinutes) {
          await this.escalations.resolve(tx, watch.id, now);
          return;
        }
        const level = watch.level + 1;
        const claimed = await this.escalations.claimNextLevel(tx, watch.id, watch.level, new Date(now.getTime() + settings.escalationMinutes * 60_000));
        if (!claimed) return; // another sweep took it
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
    const due = await this.reminders.due(this.dataSource.manager, this.clock.now(), BATCH);
    let reminded = 0;
    for (const reminder of due) {
      await this.dataSource.transaction(async (tx) => {
        if (!(await this.reminders.claim(tx, reminder.id))) return; // another sweep sent it
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
        await this.notices.lockDailySummary(tx, client.id);
        if (await this.notices.existsForDay(tx, client.id, 'summary.daily', day)) return;
        await this.notifications.notify(tx, { clientId: client.id, name, settings, event: 'summary.daily', facts: { day, count: counts.total, urgentCount: counts.urgent } });
        sent++;
      });
    }
    this.summariesCheckedFor = today;
    return sent;
  }
}
