import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { DeliverableCallerData } from '#calls';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { generateOneTimePassword, normalizeOneTimePassword, SecretHasher } from '#crypto';
import { TenantScope } from '#database';
import { DomainError, NotFoundError } from '#errors';
import { NotificationsService } from '#notifications';
import { UsageLedger } from '#usage';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryItemKind } from './delivery-item.entity';
import { DELIVERY_RULES } from './delivery-settings';
import { Delivery, DeliveryConsumedBy, DeliveryStatus } from './delivery.entity';
import { ConflictError, InvalidInputError, NoDeliveryContactError } from './errors';

const HOUR_MS = 3_600_000;

export interface NewDelivery {
  /** A client user's own client (naming another reads as not found). */
  clientId?: string;
  recordingIds?: string[];
  messageIds?: string[];
}

/** The answer to a creation: the password is in it once and never again. */
export interface CreatedDelivery {
  id: string;
  password: string;
  expiresAt: Date;
  downloadUrl: string;
  recordingCount: number;
  messageCount: number;
  /** Chosen items withheld because their data subject restricted or objected (listed by id in the manifest). */
  withheldCount: number;
  /** Minutes the client has to confirm receipt once the archive is sent (0: none, consumed once sent). */
  receiptWindowMinutes: number;
  receiptUrl: string;
}

/**
 * The answer to an admin or the DPO who asked on the client's behalf: the delivery's state, never its
 * password, which went to the client's registered delivery contact in the named notice.
 */
export interface RequestedDelivery {
  id: string;
  clientId: string;
  status: DeliveryStatus;
  expiresAt: Date;
  recordingCount: number;
  messageCount: number;
  withheldCount: number;
  receiptWindowMinutes: number;
  credentialsSentTo: 'client_delivery_contact';
  notificationId: string;
}

/** What a client (or admin) sees of a delivery: state and counts, never the credential. */
export interface DeliveryView {
  id: string;
  clientId: string;
  status: DeliveryStatus;
  recordingCount: number;
  messageCount: number;
  withheldCount: number;
  createdAt: Date;
  expiresAt: Date;
  failedAttempts: number;
  consumedAt: Date | null;
  closedAt: Date | null;
  /** Transfers that completed on the server's side; the first one started the receipt window. */
  transfersCompleted: number;
  sentAt: Date | null;
  /** Consumed then without a receipt, if none arrives first. */
  receiptDueAt: Date | null;
  /** How it was consumed: receipt (the client's SHA-256 matched), receipt_window (none came in time) or no_window. */
  consumedBy: DeliveryConsumedBy | null;
  /** Length and SHA-256 of the archive last sent completely. */
  archiveBytes: number | null;
  archiveSha256: string | null;
  downloadUrl: string;
  receiptUrl: string;
}

export const downloadPath = (deliveryId: string) => `/deliveries/${deliveryId}/download`;
export const receiptPath = (deliveryId: string) => `/deliveries/${deliveryId}/receipt`;

const view = (d: Delivery): DeliveryView => ({
  id: d.id,
  clientId: d.clientId,
  status: d.status,
  recordingCount: d.recordingCount,
  messageCount: d.messageCount,
  withheldCount: d.withheldCount,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  failedAttempts: d.failedAttempts,
  consumedAt: d.consumedAt,
  closedAt: d.closedAt,
  transfersCompleted: d.transfersCompleted,
  sentAt: d.sentAt,
  receiptDueAt: d.receiptDueAt,
  consumedBy: d.consumedBy,
  archiveBytes: d.bytesSent,
  archiveSha256: d.archiveSha256,
  downloadUrl: downloadPath(d.id),
  receiptUrl: receiptPath(d.id),
});

type Chosen = { recordings: string[]; messages: string[]; withheld: { id: string; kind: DeliveryItemKind }[]; how: 'chosen' | 'all_undelivered' };

/**
 * Creating and listing deliveries. A client user creates one for its own client and the answer
 * carries the one-time password; an admin or the DPO asks for one on a client's behalf and the
 * password goes to the client's delivery contact only (refused, 403 no_delivery_contact, when the
 * client has none). The access policy refuses credentials in an answer to operator staff. Chosen items must all be that client's: another client's id is simply not found (404)
 * and nothing is created. With none chosen, everything not yet delivered goes (recordings still
 * stored, messages never carried). Items the policy withholds (a data subject's restriction or
 * objection) are kept as items but not counted; the download leaves them out and lists them.
 * Operator users may list and read deliveries (ids, states and counts, never a credential).
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly callerData: DeliverableCallerData,
    private readonly ledger: UsageLedger,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  /**
   * A client user gets the password in the answer (201). Anyone else (admins and the DPO; the policy
   * refuses other roles) asks on the client's behalf: the password goes only to the client's
   * registered delivery contact, in a `delivery.ready` notice written in the same transaction, and
   * the answer (202) carries the delivery's state but no credential.
   */
  create(principal: Principal & { clientId: string }, input: NewDelivery): Promise<CreatedDelivery>;
  create(principal: Principal, input: NewDelivery): Promise<CreatedDelivery | RequestedDelivery>;
  async create(principal: Principal, input: NewDelivery): Promise<CreatedDelivery | RequestedDelivery> {
    // A principal of one client (its users; an ingest key, which the policy refuses) would hold the password itself.
    const credentialTo = principal.clientId ? 'requester' : 'client_contact';
    const clientId = this.clientOf(principal, input.clientId);
    const id = randomUUID();
    const password = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(normalizeOneTimePassword(password));
    const subject = { type: 'delivery', id };
    const outcome = await this.scope.run(clientId, async (tx) => {
      const { instructions } = await this.policy.authorize(principal, { ...this.createRequest(clientId, credentialTo), subject }, tx);
      // Asked on the client's behalf: refused, before anything is written, when nobody at the client would receive the password.
      if (credentialTo === 'client_contact' && !(await this.notifications.reaches(clientId, 'delivery.ready', tx))) return { refused: new NoDeliveryContactError() };
      const chosen = await this.choose(tx, clientId, input);
      if (chosen instanceof DomainError) return { refused: chosen };
      const now = this.clock.now();
      const delivery = await this.deliveries.create(tx, {
        id,
        clientId,
        status: 'open',
        passwordHash,
        createdBy: principal.id,
        createdByRole: principal.kind === 'user' ? principal.role : principal.kind,
        instructionsVersion: instructions.version,
        recordingCount: chosen.recordings.length,
        messageCount: chosen.messages.length,
        withheldCount: chosen.withheld.length,
        receiptWindowMinutes: instructions.receiptWindowMinutes,
        expiresAt: new Date(now.getTime() + instructions.deliveryExpiryHours * HOUR_MS),
        failedAttempts: 0,
        leaseUntil: null,
        leaseToken: null,
        downloadsStarted: 0,
        bytesSent: null,
        transfersCompleted: 0,
        archiveSha256: null,
        sentAt: null,
        receiptDueAt: null,
        consumedBy: null,
        consumedAt: null,
        lockedAt: null,
        closedAt: null,
        createdAt: now,
      });
      await this.ledger.record(tx, [{ clientId, kind: 'delivery', occurredAt: now, sourceId: id }]);
      const items = [
        ...chosen.recordings.map((itemId) => ({ deliveryId: id, itemId, clientId, kind: 'recording' as DeliveryItemKind })),
        ...chosen.messages.map((itemId) => ({ deliveryId: id, itemId, clientId, kind: 'message' as DeliveryItemKind })),
        ...chosen.withheld.map((w) => ({ deliveryId: id, itemId: w.id, clientId, kind: w.kind })),
      ];
      await this.deliveries.addItems(tx, items);
      // The notice (and its sealed password) commits with the delivery or not at all.
      const notificationId =
        credentialTo === 'client_contact'
          ? await this.notifications.deliveryReady(tx, { clientId, deliveryId: id, expiresAt: delivery.expiresAt, downloadUrl: `${this.config.notifications.publicUrl}${downloadPath(id)}`, password })
          : null;
      await this.audit.append(
        this.event(principal, clientId, subject, 'success', {
          recordings: chosen.recordings.length,
          messages: chosen.messages.length,
          withheld: chosen.withheld.length,
          receiptWindowMinutes: instructions.receiptWindowMinutes,
          chosen: chosen.how,
          expiresAt: delivery.expiresAt.toISOString(),
          instructionsVersion: instructions.version,
          ...(notificationId ? { onBehalfOfClient: true, credentialTo: 'client_delivery_contact', notificationId } : {}),
        }),
        tx,
      );
      return { delivery, notificationId };
    });
    if (outcome.refused) {
      await this.audit.append(this.event(principal, clientId, subject, 'denied', { reason: outcome.refused.code }));
      throw outcome.refused;
    }
    const delivery = outcome.delivery!;
    const counts = { recordingCount: delivery.recordingCount, messageCount: delivery.messageCount, withheldCount: delivery.withheldCount, receiptWindowMinutes: delivery.receiptWindowMinutes };
    if (outcome.notificationId) {
      return { id: delivery.id, clientId, status: delivery.status, expiresAt: delivery.expiresAt, ...counts, credentialsSentTo: 'client_delivery_contact', notificationId: outcome.notificationId };
    }
    return { id: delivery.id, password, expiresAt: delivery.expiresAt, downloadUrl: downloadPath(delivery.id), ...counts, receiptUrl: receiptPath(delivery.id) };
  }

  async list(principal: Principal, query: { clientId?: string; limit?: number }): Promise<DeliveryView[]> {
    const clientId = this.clientOf(principal, query.clientId);
    return this.scope.run(clientId, async (tx) => {
      await this.policy.authorize(principal, { action: 'delivery.read', clientId, data: Delivery, purpose: 'service_delivery', content: false }, tx);
      const rows = await this.deliveries.newestOfClient(tx, clientId, Math.min(Math.max(query.limit ?? 50, 1), 200));
      await this.audit.append(this.event(principal, clientId, undefined, 'success', { listed: rows.length }, 'delivery.read'), tx);
      return rows.map(view);
    });
  }

  async get(principal: Principal, deliveryId: string, query: { clientId?: string } = {}): Promise<DeliveryView> {
    const clientId = this.clientOf(principal, query.clientId);
    const subject = { type: 'delivery', id: deliveryId };
    return this.scope.run(clientId, async (tx) => {
      await this.policy.authorize(principal, { action: 'delivery.read', clientId, data: Delivery, purpose: 'service_delivery', content: false, subject }, tx);
      const row = await this.deliveries.ofClient(tx, clientId, deliveryId);
      if (!row) throw new NotFoundError('Delivery');
      await this.audit.append(this.event(principal, clientId, subject, 'success', {}, 'delivery.read'), tx);
      return view(row);
    });
  }

  /** A client user acts for its own client (naming another reads as not found); anyone else names one. */
  private clientOf(principal: Principal, requested: string | undefined): string {
    if (principal.clientId) {
      if (requested && requested !== principal.clientId) throw new NotFoundError('Client');
      return principal.clientId;
    }
    if (!requested) throw new InvalidInputError('clientId is required');
    return requested;
  }

  /** The items, all of this client's (row-level security hides any other's, and the count then differs), less what the policy withholds. */
  private async choose(tx: EntityManager, clientId: string, input: NewDelivery): Promise<Chosen | DomainError> {
    const recordingIds = [...new Set(input.recordingIds ?? [])];
    const messageIds = [...new Set(input.messageIds ?? [])];
    const max = DELIVERY_RULES.maxItems;
    if (recordingIds.length > max || messageIds.length > max) return new InvalidInputError(`A delivery carries at most ${max} recordings and ${max} messages`);

    if (!recordingIds.length && !messageIds.length) {
      const all = await this.callerData.undelivered(tx, clientId, max);
      const chosen = await this.withholding(tx, clientId, all.recordingIds, all.messageIds, 'all_undelivered');
      if (!chosen.recordings.length && !chosen.messages.length) return new ConflictError('Nothing is waiting to be delivered', 'nothing_to_deliver');
      return chosen;
    }

    const found = await this.callerData.recordingStatuses(tx, clientId, recordingIds);
    if (found.length !== recordingIds.length) return new NotFoundError('Recording');
    if (found.some((r) => r.status !== 'stored')) return new ConflictError('A chosen recording is not stored any more (delivered or deleted)', 'recording_not_deliverable');
    if ((await this.callerData.existingMessages(tx, clientId, messageIds)).length !== messageIds.length) return new NotFoundError('Message');
    const chosen = await this.withholding(tx, clientId, recordingIds, messageIds, 'chosen');
    if (!chosen.recordings.length && !chosen.messages.length) {
      return new ConflictError("Every chosen item is withheld at its data subject's request (restriction or objection)", 'items_withheld');
    }
    return chosen;
  }

  /** The same answer GET /messages and GET /recordings get from the policy: withheld items are not delivered. */
  private async withholding(tx: EntityManager, clientId: string, recordings: string[], messages: string[], how: Chosen['how']): Promise<Chosen> {
    const request = { action: 'delivery.create', clientId, data: Delivery, purpose: 'service_delivery' as const, content: false };
    const withheld = await this.policy.withheld(request, [...recordings.map((id) => ({ type: 'recording', id })), ...messages.map((id) => ({ type: 'message', id }))], tx);
    return {
      recordings: recordings.filter((id) => !withheld.has(id)),
      messages: messages.filter((id) => !withheld.has(id)),
      withheld: [
        ...recordings.filter((id) => withheld.has(id)).map((id) => ({ id, kind: 'recording' as const })),
        ...messages.filter((id) => withheld.has(id)).map((id) => ({ id, kind: 'message' as const })),
      ],
      how,
    };
  }

  private createRequest(clientId: string, credentialTo: 'requester' | 'client_contact') {
    return { action: 'delivery.create', clientId, data: Delivery, purpose: 'service_delivery' as const, content: false, credentialTo };
  }

  private event(principal: Principal, clientId: string, subject: { type: string; id: string } | undefined, outcome: 'success' | 'denied', details: AuditDetails, action = 'delivery.create') {
    return { actor: actorOf(principal), clientId, dataRole: 'processor' as const, purpose: 'service_delivery' as const, action, subject, outcome, details };
  }
}
