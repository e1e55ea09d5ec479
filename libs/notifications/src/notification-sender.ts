import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { CallerMessages, NoticeMessageContent } from './caller-message-source';
import { Mailer } from './mailer';
import { linkOf } from './notice-text';
import { WEBHOOK_TIMEOUT_MS } from './notification-queue';
import { NoticesRepository } from './notices.repository';
import { NotificationOutboxEntry } from './notification-outbox.entity';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { SealedSecrets } from './sealed-secrets';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';

export type SendOutcome = 'sent' | 'already_done' | 'no_such_entry' | 'dropped';

const CONTENT_EVENTS = new Set(['message.new', 'message.escalation']);

/** A failure's code for the row and the audit event: names what failed, never data. */
const failureCode = (error: unknown): string => {
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.name === 'string' ? e.name : 'error';
  return code.slice(0, 64);
};

class ReceiverRefusedError extends Error {
  readonly code: string;
  constructor(status: number) {
    super(`webhook receiver answered ${status}`);
    this.code = `http_${status}`;
  }
}

/**
 * Sends one outbox row: an email or a signed webhook (Standard Webhooks; the row id is the
 * webhook-id, so a receiver can drop repeats). Caller content is added only where the client's
 * current instructions say so, per channel. Every send and failure is audited (ids and codes); a
 * failure rethrows so bull retries with backoff; an endpoint that keeps failing is disabled and the
 * admins told.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhookEndpointsService,
    private readonly messages: CallerMessages,
    private readonly secrets: SealedSecrets,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notices: NoticesRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly endpoints: WebhookEndpointsRepository,
  ) {}

  async process(outboxId: string): Promise<SendOutcome> {
    const loaded = await this.dataSource.transaction(async (tx) => {
      const row = await this.outbox.byId(tx, outboxId);
      if (!row) return null;
      // Waits for transactions still adding a message to this notice and folds in what they added, so
      // what is sent is what it says.
      await this.notifications.foldJoined(tx, [row.notificationId]);
      const notice = await this.notices.byId(tx, row.notificationId);
      const endpoint = row.endpointId ? await this.endpoints.byId(tx, row.endpointId) : null;
      return { row, notice: notice!, endpoint };
    });
    if (!loaded) return 'no_such_entry';
    const { row, notice, endpoint } = loaded;
    if (row.status !== 'pending') return 'already_done';
    if (endpoint && endpoint.status !== 'active') {
      await this.outbox.failPending(this.dataSource.manager, row.id, `endpoint_${endpoint.status}`);
      return 'dropped';
    }
    let withContent = false;
    try {
      const content = await this.contentFor(row, notice);
      withContent = content !== null;
      if (endpoint) await this.post(endpoint, row, notice, content);
      else await this.mailer.send(this.mail(row.emailAddress!, notice, content));
    } catch (error) {
      await this.recordFailure(row, notice, endpoint, failureCode(error));
      if (endpoint && (await this.disableIfFailing(endpoint.id, notice))) return 'dropped';
      throw error;
    }
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.outbox.markSent(tx, row.id, this.clock.now()))) return;
      if (endpoint) await this.endpoints.resetFailures(tx, endpoint.id);
      await this.eraseSecretWhenDone(tx, notice);
      await this.audit.append(this.auditEntry(row, notice, 'success', { withContent }), tx);
    });
    return 'sent';
  }

  /** Caller content only for message notices, only where the client's current instructions say so for this channel. */
  private async contentFor(row: NotificationOutboxEntry, notice: Notification): Promise<NoticeMessageContent[] | null> {
    if (!notice.clientId || !CONTENT_EVENTS.has(notice.event)) return null;
    const { settings } = await this.notifications.settingsOf(notice.clientId, this.dataSource.manager);
    const instructed = row.channel === 'webhook' ? settings.webhookIncludesContent : settings.emailIncludesContent;
    const source = this.messages.available;
    if (!instructed || !source) return null;
    return source.contents(notice.clientId, (notice.facts.messageIds as string[]) ?? []);
  }

  private secretOf(notice: Notification): string | null {
    return notice.sealedSecret ? this.secrets.open(`notice:${notice.id}`, notice.sealedSecret) : null;
  }

  private mail(to: string, notice: Notification, content: NoticeMessageContent[] | null) {
    const link = linkOf(this.config.notifications.publicUrl, notice.event, notice.facts);
    const lines = [notice.summary, '', link];
    const password = this.secretOf(notice);
    if (password) {
      lines.push('', `Download: ${String(notice.facts.downloadUrl ?? link)}`, `Delivery id (the user name): ${String(notice.facts.deliveryId)}`, `One-time password: ${password}`, 'It works once; keep it to yourself.');
    }
    for (const m of content ?? []) {
      lines.push('', `${m.urgent ? 'URGENT — ' : ''}${m.callerName}, ${m.callerPhone}${m.callerEmail ? `, ${m.callerEmail}` : ''}`, m.body, m.callbackRequested ? 'Callback requested.' : '');
    }
    return { to, subject: notice.summary.replace(/ — .*$/, ''), text: lines.join('\n') };
  }

  private async post(endpoint: WebhookEndpoint, row: NotificationOutboxEntry, notice: Notification, content: NoticeMessageContent[] | null): Promise<void> {
    const now = this.clock.now();
    const data: Record<string, unknown> = {
      notificationId: notice.id,
      clientId: notice.clientId,
      urgent: notice.urgent,
      summary: notice.summary,
      link: linkOf(this.config.notifications.publicUrl, notice.event, notice.facts),
      ...notice.facts,
    };
    const password = this.secretOf(notice);
    if (password) data.password = password;
    if (content) data.messages = content;
    const payload = JSON.stringify({ type: notice.event, timestamp: now.toISOString(), data });
    const signature = new Webhook(this.webhooks.secretOf(endpoint)).sign(row.id, now, payload);
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'CallVault-Webhooks/1',
        'webhook-id': row.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: payload,
      redirect: 'manual', // a redirect could lead the signed notice anywhere
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new ReceiverRefusedError(response.status);
  }

  private async recordFailure(row: NotificationOutboxEntry, notice: Notification, endpoint: WebhookEndpoint | null, code: string): Promise<void> {
    this.logger.warn(`notice ${row.id} (${row.channel}) failed (${code}); will retry`);
    await this.dataSource
      .transaction(async (tx) => {
        await this.outbox.recordFailedAttempt(tx, row.id, code, this.clock.now());
        if (endpoint) await this.endpoints.countFailure(tx, endpoint.id);
        await this.audit.append(this.auditEntry(row, notice, 'failure', { reason: code }), tx);
      })
      .catch(() => undefined); // the database may be what failed; the retry will tell
  }

  /** Past the limit of failures in a row: the endpoint is disabled, its pending rows failed, the admins told. */
  private async disableIfFailing(endpointId: string, notice: Notification): Promise<boolean> {
    const limit = this.config.notifications.disableWebhookAfterFailures;
    return this.dataSource.transaction(async (tx) => {
      const endpoint = await this.endpoints.lockById(tx, endpointId);
      if (!endpoint || endpoint.status !== 'active' || endpoint.consecutiveFailures < limit) return false;
      await this.endpoints.disable(tx, endpoint.id, this.clock.now());
      await this.outbox.failPendingOfEndpoint(tx, endpoint.id, 'endpoint_disabled');
      const { name } = await this.notifications.settingsOf(endpoint.clientId, tx);
      await this.notifications.notify(tx, {
        clientId: endpoint.clientId,
        name,
        settings: null,
        audience: 'admin',
        event: 'webhook.disabled',
        facts: { endpointId: endpoint.id, failures: endpoint.consecutiveFailures, lastNotificationId: notice.id },
      });
      await this.audit.append(
        {
          actor: { id: null, role: 'system' },
          clientId: endpoint.clientId,
          dataRole: 'controller',
          purpose: 'service_delivery',
          action: 'webhook.disable',
          subject: { type: 'webhook', id: endpoint.id },
          outcome: 'success',
          details: { consecutiveFailures: endpoint.consecutiveFailures },
        },
        tx,
      );
      this.logger.warn(`webhook endpoint ${endpoint.id} disabled after ${endpoint.consecutiveFailures} failed attempts`);
      return true;
    });
  }

  /** A delivery's password lives in its notice only until every channel is done with it. */
  private async eraseSecretWhenDone(tx: EntityManager, notice: Notification): Promise<void> {
    if (!notice.sealedSecret) return;
    if (!(await this.outbox.countPendingOfNotice(tx, notice.id))) await this.notices.eraseSecret(tx, notice.id);
  }

  private auditEntry(row: NotificationOutboxEntry, notice: Notification, outcome: 'success' | 'failure', extra: Record<string, string | boolean>) {
    return {
      actor: { id: null, role: 'system' as const },
      clientId: notice.clientId,
      // Carrying caller content is processing of caller data for the client; a bare notice is the operator's own.
      dataRole: extra.withContent ? ('processor' as const) : ('controller' as const),
      purpose: 'service_delivery' as const,
      action: 'notification.send',
      subject: { type: 'notification', id: notice.id },
      outcome,
      details: { outboxId: row.id, channel: row.channel, event: notice.event, endpointId: row.endpointId, attempt: row.attempts + 1, ...extra },
    };
  }
}
