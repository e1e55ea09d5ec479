import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '#audit';
import { ClientNoticeEvent, ClientsService } from '#clients';
import { Clock } from '#clock';
import type { WriteBatch } from '#database';
import { AppConfig } from '#config';
import { DeadlineRemindersRepository, TrackedDeadline } from './deadline-reminders.repository';
import { InvalidInputError } from './errors';
import { emailsFor, endpointWants, resolveSettings, ResolvedSettings } from './notice-recipients';
import { summaryOf } from './notice-text';
import { NoticeShelf, NoticesRepository } from './notices.repository';
import { OpenNoticeHints } from './open-notice-hints';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { NotificationScheduler } from './notification.scheduler';
import { Notification, NoticeAudience, NoticeFacts } from './notification.entity';
import { SealedSecrets } from './sealed-secrets';
import { UrgentEscalationsRepository } from './urgent-escalations.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

const DAY_MS = 86_400_000;

export interface NoticeView {
  id: string;
  clientId: string | null;
  event: string;
  urgent: boolean;
  summary: string;
  facts: NoticeFacts;
  createdAt: Date;
  deliveries: { channel: string; status: string; attempts: number }[];
}

/** Who reads notices: a client user its client's, admins the operator's (or one client's), the DPO its reminders. */
export interface NoticeReader {
  role: Role;
  clientId: string | null;
}

/**
 * Notices, written in the transaction of the event that causes them (pass that transaction): the
 * notice itself, one outbox row per recipient the client's settings name, and for urgent messages
 * the escalation watch. Rows due now are enqueued when that transaction commits. Callers pass ids and
 * counts only; caller content is read at send time, and only where the client instructed it.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly scheduler: NotificationScheduler,
    private readonly secrets: SealedSecrets,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notices: NoticesRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly escalations: UrgentEscalationsRepository,
    private readonly reminders: DeadlineRemindersRepository,
    private readonly openNotices: OpenNoticeHints,
  ) {}

  /**
   * A caller message was logged. Urgent: notified at once. Otherwise it joins the client's open
   * new-message notice, or opens one sent when the grouping window (at most 30 s) ends. In two steps
   * around the caller's write batch: a non-urgent message joins an open notice in the same statement
   * as the message itself; `messageLoggedAfter` (once the batch ran) does the rest when it did not.
   */
  messageLoggedIn(batch: WriteBatch, input: { clientId: string; messageId: string; urgent: boolean }): void {
    if (!input.urgent) batch.add('notice', this.notices.joinOpenMessageNoticePart(input.clientId, input.messageId, this.clock.now()));
  }

  /**
   * The quicker form of the two steps, when this process saw the client's notice open moments ago: the
   * join goes into the batch as a required part and nothing is left for after it, so the caller may
   * commit with the batch. True when it did; if the notice closed meanwhile the batch fails with
   * RequiredWriteMissingError (nothing written) and the caller logs the message again the usual way.
   */
  messageJoinsIn(batch: WriteBatch, input: { clientId: string; messageId: string; urgent: boolean }): boolean {
    const now = this.clock.now();
    if (input.urgent || !this.openNotices.seemsOpen(input.clientId, now)) return false;
    batch.add('notice', this.notices.joinOpenMessageNoticePart(input.clientId, input.messageId, now), { required: true });
    return true;
  }

  /** A required join failed: the client's notice closed (an urgent message, another process). */
  messageJoinMissed(clientId: string): void {
    this.openNotices.closed(clientId);
  }

  async messageLoggedAfter(tx: EntityManager, counts: Record<string, number>, input: { clientId: string; messageId: string; urgent: boolean }): Promise<void> {
    if (!input.urgent && counts.notice === 1) return this.openNotices.joined(input.clientId, this.clock.now());
    if (!input.urgent && (await this.joinedOpening(tx, input))) return this.openNotices.joined(input.clientId, this.clock.now());
    return this.groupMessage(tx, input);
  }

  /**
   * No notice was open to join. Usually the window has just ended and the messages in flight all found
   * the same: one of them opens the notice under the client's opening lock, the others wait for it to
   * commit and join it together, instead of queuing one by one for the grouping lock (each holding it
   * to its commit, with every join behind them). False when this message should open the notice.
   */
  private async joinedOpening(tx: EntityManager, input: { clientId: string; messageId: string }): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.notices.tryLockOpening(tx, input.clientId)) return false;
      // Sent together (pipeline mode): the join runs once the wait is over, on a fresh snapshot.
      const [, joined] = await Promise.all([
        this.notices.awaitOpening(tx, input.clientId),
        this.notices.joinOpenMessageNotice(tx, input.clientId, input.messageId, this.clock.now()),
      ]);
      if (joined) return true;
    }
    return false; // the grouping lock still orders openers
  }

  /**
   * Folds the messages that joined these notices into their facts and summary. Takes the grouping
   * lock of their clients first, so joins still in flight commit before the fold reads them (the
   * sender, the grouping step and the list fold before they read a notice). True when any notice changed.
   */
  async foldJoined(tx: EntityManager, noticeIds: string[]): Promise<boolean> {
    if (!noticeIds.length) return false;
    await this.notices.lockGroupingOfNotices(tx, noticeIds);
    return this.notices.foldJoinedMessages(tx, noticeIds);
  }

  /** A message that opens a notice, or an urgent one: under the client's grouping lock. */
  private async groupMessage(tx: EntityManager, input: { clientId: string; messageId: string; urgent: boolean }): Promise<void> {
    const now = this.clock.now();
    await this.notices.lockGrouping(tx, input.clientId);
    // Other messages of the client may be waiting for this transaction: its reads go out together.
    const [{ name, settings }, open] = await Promise.all([this.settingsOf(input.clientId, tx), this.notices.openMessageNoticeForUpdate(tx, input.clientId, now)]);
    if (open && (await this.foldJoined(tx, [open.id]))) Object.assign(open, await this.notices.byIdOrFail(tx, open.id));
    if (open) {
      const ids = [...((open.facts.messageIds as string[]) ?? []), input.messageId];
      const facts = { ...open.facts, messageIds: ids, count: ids.length, urgentCount: Number(open.facts.urgentCount ?? 0) + (input.urgent ? 1 : 0) };
      // An urgent message closes the group: everything in it goes now.
      const closeAt = input.urgent ? now : open.groupOpenUntil!;
      await this.notices.updateGroup(tx, open.id, { facts, urgent: open.urgent || input.urgent, summary: summaryOf('message.new', name, facts), groupOpenUntil: closeAt });
      this.openNotices.openUntil(input.clientId, closeAt, tx);
      const rows = await this.outbox.ofNotice(tx, open.id);
      if (input.urgent) {
        await this.outbox.bringForwardPending(tx, open.id, now);
        // Recipients of urgent messages only were not on it yet.
        const have = new Set(rows.map((r) => r.emailAddress ?? r.endpointId));
        const added = await this.addOutbox(tx, open, await this.targets(tx, input.clientId, settings, 'message.new', true, have), now);
        this.scheduler.afterCommit(tx, [...rows.filter((r) => r.status === 'pending').map((r) => r.id), ...added]);
      }
    } else {
      const facts = { messageIds: [input.messageId], count: 1, urgentCount: input.urgent ? 1 : 0 };
      const due = input.urgent ? now : new Date(now.getTime() + this.config.notifications.groupWindowMs);
      await this.notify(tx, { clientId: input.clientId, name, settings, event: 'message.new', urgent: input.urgent, facts, dueAt: due, groupOpenUntil: due });
      this.openNotices.openUntil(input.clientId, due, tx);
    }
    if (input.urgent && settings.escalationMinutes) {
      await this.escalations.insert(tx, {
        id: randomUUID(),
        clientId: input.clientId,
        messageId: input.messageId,
        level: 0,
        nextAt: new Date(now.getTime() + settings.escalationMinutes * 60_000),
        createdAt: now,
      });
    }
  }

  recordingStored(tx: EntityManager, input: { clientId: string; recordingId: string; callId: string }): Promise<string> {
    return this.clientNotice(tx, input.clientId, 'recording.stored', { recordingId: input.recordingId, callId: input.callId });
  }

  /**
   * A delivery's credentials for the client's delivery-ready recipients: the one-time password goes
   * into the notice sealed and is erased once every channel has carried it, so no operator sees it.
   * Refused when nobody would receive it (see `reaches`).
   */
  async deliveryReady(tx: EntityManager, input: { clientId: string; deliveryId: string; expiresAt: Date; downloadUrl: string; password: string }): Promise<string> {
    if (!(await this.reaches(input.clientId, 'delivery.ready', tx))) {
      throw new InvalidInputError('The client has no email recipient or webhook endpoint for delivery notices', 'no_delivery_recipient');
    }
    return this.clientNotice(tx, input.clientId, 'delivery.ready', { deliveryId: input.deliveryId, expiresAt: input.expiresAt.toISOString(), downloadUrl: input.downloadUrl }, input.password);
  }

  recordingsDeleted(tx: EntityManager, input: { clientId: string; deliveryId: string; count: number }): Promise<string> {
    return this.clientNotice(tx, input.clientId, 'recordings.deleted', { deliveryId: input.deliveryId, count: input.count });
  }

  /** Recordings never downloaded that retention deletes soon. At most one warning per client per (clock) day. */
  async recordingsExpiring(tx: EntityManager, input: { clientId: string; count: number; deleteFrom: Date }): Promise<string | null> {
    const day = this.clock.now().toISOString().slice(0, 10);
    await this.notices.lockGrouping(tx, input.clientId); // orders two sweeps warning the same client at once
    if (await this.notices.existsForDay(tx, input.clientId, 'recordings.expiring', day)) return null;
    return this.clientNotice(tx, input.clientId, 'recordings.expiring', { count: input.count, deleteFrom: input.deleteFrom.toISOString(), day });
  }

  /** A data subject request forwarded to the client; it is reminded a day before the deadline and when overdue. */
  async requestForwarded(tx: EntityManager, input: { clientId: string; forwardId: string; deadline: Date }): Promise<string> {
    await this.trackDeadline(tx, { audience: 'client', clientId: input.clientId, subjectType: 'dsr_forward', subjectId: input.forwardId, label: 'response', deadline: input.deadline });
    return this.clientNotice(tx, input.clientId, 'request.forwarded', { forwardId: input.forwardId, deadline: input.deadline.toISOString() });
  }

  breachNotice(tx: EntityManager, input: { clientId: string; breachId: string }): Promise<string> {
    return this.clientNotice(tx, input.clientId, 'breach.notice', { breachId: input.breachId });
  }

  /** Reminders a day before `deadline` and once it has passed (DPO: operator deadlines; client: forwarded requests). */
  async trackDeadline(tx: EntityManager, input: TrackedDeadline): Promise<void> {
    await this.reminders.schedule(tx, input, 'day_before', new Date(input.deadline.getTime() - DAY_MS));
    await this.reminders.schedule(tx, input, 'overdue', input.deadline);
  }

  /** The work is done: no more reminders of this subject's deadlines. */
  async closeDeadlines(tx: EntityManager, subjectType: string, subjectId: string, label?: string): Promise<void> {
    await this.reminders.cancelPending(tx, subjectType, subjectId, label);
  }

  /** Whether any recipient (an email address with email on, or an active webhook endpoint) receives this client event. */
  async reaches(clientId: string, event: ClientNoticeEvent, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const { settings } = await this.settingsOf(clientId, manager);
    return (await this.targets(manager, clientId, settings, event, true)).length > 0;
  }

  /** Newest first. A client user sees its own client's notices only. */
  async list(reader: NoticeReader, query: { clientId?: string; limit?: number }): Promise<NoticeView[]> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const shelf: NoticeShelf =
      reader.role === 'client'
        ? { audience: 'client', clientId: reader.clientId }
        : reader.role === 'dpo'
          ? { audience: 'dpo' }
          : query.clientId
            ? { audience: 'client', clientId: query.clientId }
            : { audience: 'admin' };
    const manager = this.dataSource.manager;
    let notices = await this.notices.newest(manager, shelf, limit);
    const grouped = notices.filter((n) => n.event === 'message.new').map((n) => n.id);
    if (grouped.length && (await this.dataSource.transaction((tx) => this.foldJoined(tx, grouped)))) notices = await this.notices.newest(manager, shelf, limit);
    const rows = notices.length ? await this.outbox.ofNotices(manager, notices.map((n) => n.id)) : [];
    return notices.map((n) => ({
      id: n.id,
      clientId: n.clientId,
      event: n.event,
      urgent: n.urgent,
      summary: n.summary,
      facts: n.facts,
      createdAt: n.createdAt,
      deliveries: rows.filter((r) => r.notificationId === n.id).map((r) => ({ channel: r.channel, status: r.status, attempts: r.attempts })),
    }));
  }

  /** For the sweeper and sender: a notice with its outbox rows to whoever `targets` names, due at `dueAt`. */
  async notify(
    tx: EntityManager,
    input: {
      clientId: string | null;
      name: string;
      settings: ResolvedSettings | null;
      audience?: NoticeAudience;
      event: string;
      urgent?: boolean;
      facts: NoticeFacts;
      dueAt?: Date;
      groupOpenUntil?: Date | null;
      secret?: string;
      extraEmails?: string[];
    },
  ): Promise<string> {
    const now = this.clock.now();
    const notice: Notification = {
      id: randomUUID(),
      clientId: input.clientId,
      audience: input.audience ?? 'client',
      event: input.event,
      urgent: input.urgent ?? false,
      summary: summaryOf(input.event, input.name, input.facts),
      facts: input.facts,
      groupOpenUntil: input.groupOpenUntil ?? null,
      sealedSecret: null,
      createdAt: now,
    };
    if (input.secret) notice.sealedSecret = this.secrets.seal(`notice:${notice.id}`, input.secret);
    const subscription = (input.event === 'message.escalation' || input.event === 'summary.daily' ? 'message.new' : input.event) as ClientNoticeEvent;
    const [, targets] = await Promise.all([
      this.notices.insert(tx, notice),
      input.audience && input.audience !== 'client'
        ? this.operatorTargets(input.audience)
        : input.clientId && input.settings
          ? this.targets(tx, input.clientId, input.settings, subscription, input.urgent ?? false)
          : [],
    ]);
    if (this.config.notifications.smtpUrl) {
      for (const address of input.extraEmails ?? []) if (!targets.some((t) => t.emailAddress === address)) targets.push({ emailAddress: address, endpointId: null });
    }
    const due = input.dueAt ?? now;
    const ids = await this.addOutbox(tx, notice, targets, due);
    if (due.getTime() <= now.getTime()) this.scheduler.afterCommit(tx, ids);
    return notice.id;
  }

  async settingsOf(clientId: string, manager: EntityManager): Promise<{ name: string; settings: ResolvedSettings }> {
    const [client, instructions] = await Promise.all([this.clients.get(clientId, manager), this.clients.currentInstructions(clientId, manager)]);
    return { name: client.name, settings: resolveSettings(instructions.notifications, client.contactEmail) };
  }

  private async clientNotice(tx: EntityManager, clientId: string, event: ClientNoticeEvent, facts: NoticeFacts, secret?: string): Promise<string> {
    const { name, settings } = await this.settingsOf(clientId, tx);
    return this.notify(tx, { clientId, name, settings, event, facts, secret });
  }

  /** Email recipients (only while email is configured) and active webhook endpoints that want this event. */
  private async targets(
    manager: EntityManager,
    clientId: string,
    settings: ResolvedSettings,
    event: ClientNoticeEvent,
    urgent: boolean,
    except: Set<string | null> = new Set(),
  ): Promise<{ emailAddress: string | null; endpointId: string | null }[]> {
    const emails = this.config.notifications.smtpUrl ? emailsFor(settings, event, urgent) : [];
    const endpoints = await this.endpoints.activeOfClient(manager, clientId);
    return [
      ...emails.filter((a) => !except.has(a)).map((emailAddress) => ({ emailAddress, endpointId: null })),
      ...endpoints.filter((e) => endpointWants(e.events, event) && !except.has(e.id)).map((e) => ({ emailAddress: null, endpointId: e.id })),
    ];
  }

  private operatorTargets(audience: NoticeAudience): { emailAddress: string | null; endpointId: string | null }[] {
    const { smtpUrl, adminEmail, dpoEmail } = this.config.notifications;
    const address = audience === 'admin' ? adminEmail : audience === 'dpo' ? dpoEmail : undefined;
    return smtpUrl && address ? [{ emailAddress: address.toLowerCase(), endpointId: null }] : [];
  }

  private async addOutbox(tx: EntityManager, notice: Notification, targets: { emailAddress: string | null; endpointId: string | null }[], dueAt: Date): Promise<string[]> {
    if (!targets.length) return [];
    const now = this.clock.now();
    const rows = targets.map((t) => ({
      id: randomUUID(),
      notificationId: notice.id,
      clientId: notice.clientId,
      channel: t.endpointId ? ('webhook' as const) : ('email' as const),
      emailAddress: t.emailAddress,
      endpointId: t.endpointId,
      status: 'pending' as const,
      attempts: 0,
      dueAt,
      createdAt: now,
    }));
    await this.outbox.insert(tx, rows);
    return rows.map((r) => r.id);
  }
}
