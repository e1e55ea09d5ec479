import { randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#audit';
import type { ActorRole } from '#audit';
import { ClientNoticeEvent, ClientsService } from '#clients';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { NotFoundError } from '#errors';
import { InvalidInputError } from './errors';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { SealedSecrets } from './sealed-secrets';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

type Actor = { id: string | null; role: ActorRole };

export interface WebhookView {
  id: string;
  url: string;
  events: ClientNoticeEvent[] | null;
  status: string;
  consecutiveFailures: number;
  createdAt: Date;
  disabledAt: Date | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
/** Literal private, link-local and unspecified addresses: a production webhook must not reach into the operator's network. */
const isPrivateLiteral = (host: string) =>
  (isIP(host.replace(/^\[|\]$/g, '')) !== 0 && /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[f[cd]|\[fe80|\[::\])/i.test(host)) || isLoopback(host);

/**
 * A client's webhook endpoints. The signing secret (`whsec_` + 32 random bytes, base64) is returned
 * once at creation; it is kept sealed (see SealedSecrets) because every send must be signed with it.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly secrets: SealedSecrets,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly outbox: NotificationOutboxRepository,
  ) {}

  create(clientId: string, input: { url: string; events?: ClientNoticeEvent[] }, actor: Actor): Promise<{ id: string; secret: string }> {
    const url = this.checkUrl(input.url);
    return this.dataSource.transaction(async (tx) => {
      await this.clients.get(clientId, tx);
      const id = randomUUID();
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      await this.endpoints.insert(tx, {
        id,
        clientId,
        url,
        events: input.events ? [...new Set(input.events)] : null,
        secretWrapped: this.secrets.seal(secretContext(clientId, id), secret),
        status: 'active',
        consecutiveFailures: 0,
        createdBy: actor.id,
        createdAt: this.clock.now(),
        disabledAt: null,
      });
      await this.audit.append(this.event(actor, clientId, 'webhook.create', id, { events: input.events ? input.events.join(',') : 'all' }), tx);
      return { id, secret };
    });
  }

  async list(clientId: string): Promise<WebhookView[]> {
    await this.clients.get(clientId);
    const rows = await this.endpoints.listedOfClient(this.dataSource.manager, clientId);
    return rows.map(({ id, url, events, status, consecutiveFailures, createdAt, disabledAt }) => ({ id, url, events, status, consecutiveFailures, createdAt, disabledAt }));
  }

  /** The endpoint receives nothing more; what was still pending for it is marked failed. */
  remove(clientId: string, endpointId: string, actor: Actor): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.endpoints.markDeleted(tx, clientId, endpointId, this.clock.now()))) throw new NotFoundError('Webhook');
      await this.outbox.failPendingOfEndpoint(tx, endpointId, 'endpoint_deleted');
      await this.audit.append(this.event(actor, clientId, 'webhook.delete', endpointId, {}), tx);
    });
  }

  /** The endpoint's signing secret, for the sender. */
  secretOf(endpoint: WebhookEndpoint): string {
    return this.secrets.open(secretContext(endpoint.clientId, endpoint.id), endpoint.secretWrapped);
  }

  /**
   * HTTPS only. Plain http is accepted for loopback addresses outside production (local receivers in
   * development and tests). In production, loopback and literal private addresses are refused too.
   */
  private checkUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidInputError('url must be an absolute URL');
    }
    if (url.username || url.password) throw new InvalidInputError('url must not carry credentials');
    const production = !this.config.notifications.allowLoopbackHttp;
    if (url.protocol === 'https:') {
      if (production && isPrivateLiteral(url.hostname)) throw new InvalidInputError('url must not point at a loopback or private address');
      return url.toString();
    }
    if (url.protocol === 'http:' && !production && isLoopback(url.hostname)) return url.toString();
    throw new InvalidInputError('url must use https');
  }

  private event(actor: Actor, clientId: string, action: string, endpointId: string, details: Record<string, string>) {
    return { actor, clientId, dataRole: 'controller' as const, purpose: 'service_delivery' as const, action, subject: { type: 'webhook', id: endpointId }, outcome: 'success' as const, details };
  }
}

const secretContext = (clientId: string, endpointId: string) => `whsec:${clientId}:${endpointId}`;
