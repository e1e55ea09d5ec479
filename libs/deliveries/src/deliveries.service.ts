import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { generateOneTimePassword, normalizeOneTimePassword, SecretHasher } from '#crypto';
import { TenantScope } from '#database';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '#errors';
import { UsageLedger } from '#usage';
import { DeliveryItem, DeliveryItemKind } from './delivery-item.entity';
import { DELIVERY_RULES } from './delivery-settings';
import { Delivery, DeliveryStatus } from './delivery.entity';

const HOUR_MS = 3_600_000;
const INSERT_CHUNK = 2_000;

export interface NewDelivery {
  /** Required for an admin; a client user's own client otherwise. */
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
}

/** What a client (or admin) sees of a delivery: state and counts, never the credential. */
export interface DeliveryView {
  id: string;
  clientId: string;
  status: DeliveryStatus;
  recordingCount: number;
  messageCount: number;
  createdAt: Date;
  expiresAt: Date;
  failedAttempts: number;
  consumedAt: Date | null;
  closedAt: Date | null;
  downloadUrl: string;
}

export const downloadPath = (deliveryId: string) => `/deliveries/${deliveryId}/download`;

const view = (d: Delivery): DeliveryView => ({
  id: d.id,
  clientId: d.clientId,
  status: d.status,
  recordingCount: d.recordingCount,
  messageCount: d.messageCount,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  failedAttempts: d.failedAttempts,
  consumedAt: d.consumedAt,
  closedAt: d.closedAt,
  downloadUrl: downloadPath(d.id),
});

type Chosen = { recordings: string[]; messages: string[]; how: 'chosen' | 'all_undelivered' };

/**
 * Creating and listing deliveries. A client user delivers its own client's items; an admin names the
 * client (creating a delivery reads no caller content). Chosen items must all be that client's:
 * another client's id is simply not found (404) and nothing is created. With none chosen, everything
 * not yet delivered goes (recordings still stored, messages never carried).
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ledger: UsageLedger,
  ) {}

  async create(principal: Principal, input: NewDelivery): Promise<CreatedDelivery> {
    const clientId = this.clientOf(principal, input.clientId);
    const id = randomUUID();
    const password = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(normalizeOneTimePassword(password));
    const subject = { type: 'delivery', id };
    const outcome = await this.scope.run(clientId, async (tx) => {
      const { instructions } = await this.policy.authorize(
        principal,
        { action: 'delivery.create', clientId, dataRole: 'processor', purpose: 'service_delivery', content: false, subject },
        tx,
      );
      const chosen = await this.choose(tx, clientId, input);
      if (chosen instanceof DomainError) return { refused: chosen };
      const now = this.clock.now();
      const delivery = tx.create(Delivery, {
        id,
        clientId,
        status: 'open',
        passwordHash,
        createdBy: principal.id,
        createdByRole: principal.kind === 'user' ? principal.role : principal.kind,
        instructionsVersion: instructions.version,
        recordingCount: chosen.recordings.length,
        messageCount: chosen.messages.length,
        expiresAt: new Date(now.getTime() + instructions.deliveryExpiryHours * HOUR_MS),
        failedAttempts: 0,
        leaseUntil: null,
        leaseToken: null,
        downloadsStarted: 0,
        bytesSent: null,
        consumedAt: null,
        lockedAt: null,
        closedAt: null,
        createdAt: now,
      });
      await tx.insert(Delivery, delivery);
      await this.ledger.record(tx, [{ clientId, kind: 'delivery', occurredAt: now, sourceId: id }]);
      const items = [
        ...chosen.recordings.map((itemId) => ({ deliveryId: id, itemId, clientId, kind: 'recording' as DeliveryItemKind })),
        ...chosen.messages.map((itemId) => ({ deliveryId: id, itemId, clientId, kind: 'message' as DeliveryItemKind })),
      ];
      for (let i = 0; i < items.length; i += INSERT_CHUNK) await tx.insert(DeliveryItem, items.slice(i, i + INSERT_CHUNK));
      await this.audit.append(
        this.event(principal, clientId, subject, 'success', {
          recordings: chosen.recordings.length,
          messages: chosen.messages.length,
          chosen: chosen.how,
          expiresAt: delivery.expiresAt.toISOString(),
          instructionsVersion: instructions.version,
        }),
        tx,
      );
      return { delivery };
    });
    if (outcome.refused) {
      await this.audit.append(this.event(principal, clientId, subject, 'denied', { reason: outcome.refused.code }));
      throw outcome.refused;
    }
    const delivery = outcome.delivery!;
    return {
      id: delivery.id,
      password,
      expiresAt: delivery.expiresAt,
      downloadUrl: downloadPath(delivery.id),
      recordingCount: delivery.recordingCount,
      messageCount: delivery.messageCount,
    };
  }

  async list(principal: Principal, query: { clientId?: string; limit?: number }): Promise<DeliveryView[]> {
    const clientId = this.clientOf(principal, query.clientId);
    return this.scope.run(clientId, async (tx) => {
      await this.policy.authorize(principal, { action: 'delivery.read', clientId, dataRole: 'processor', purpose: 'service_delivery', content: false }, tx);
      const rows = await tx.find(Delivery, { where: { clientId }, order: { createdAt: 'DESC', id: 'DESC' }, take: Math.min(Math.max(query.limit ?? 50, 1), 200) });
      await this.audit.append(this.event(principal, clientId, undefined, 'success', { listed: rows.length }, 'delivery.read'), tx);
      return rows.map(view);
    });
  }

  async get(principal: Principal, deliveryId: string, query: { clientId?: string } = {}): Promise<DeliveryView> {
    const clientId = this.clientOf(principal, query.clientId);
    const subject = { type: 'delivery', id: deliveryId };
    return this.scope.run(clientId, async (tx) => {
      await this.policy.authorize(principal, { action: 'delivery.read', clientId, dataRole: 'processor', purpose: 'service_delivery', content: false, subject }, tx);
      const row = await tx.findOne(Delivery, { where: { id: deliveryId, clientId } });
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

  /** The items, all of this client's (row-level security hides any other's, and the count then differs). */
  private async choose(tx: EntityManager, clientId: string, input: NewDelivery): Promise<Chosen | DomainError> {
    const recordingIds = [...new Set(input.recordingIds ?? [])];
    const messageIds = [...new Set(input.messageIds ?? [])];
    const max = DELIVERY_RULES.maxItems;
    if (recordingIds.length > max || messageIds.length > max) return new InvalidInputError(`A delivery carries at most ${max} recordings and ${max} messages`);

    if (!recordingIds.length && !messageIds.length) {
      const recordings: { id: string }[] = await tx.query(
        `SELECT id FROM recordings WHERE client_id = $1 AND status = 'stored' ORDER BY created_at, id LIMIT $2`,
        [clientId, max],
      );
      const messages: { id: string }[] = await tx.query(
        `SELECT id FROM caller_messages WHERE client_id = $1 AND delivered_at IS NULL ORDER BY created_at, id LIMIT $2`,
        [clientId, max],
      );
      if (!recordings.length && !messages.length) return new ConflictError('Nothing is waiting to be delivered', 'nothing_to_deliver');
      return { recordings: recordings.map((r) => r.id), messages: messages.map((m) => m.id), how: 'all_undelivered' };
    }

    if (recordingIds.length) {
      const found: { id: string; status: string }[] = await tx.query(`SELECT id, status FROM recordings WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, recordingIds]);
      if (found.length !== recordingIds.length) return new NotFoundError('Recording');
      if (found.some((r) => r.status !== 'stored')) return new ConflictError('A chosen recording is not stored any more (delivered or deleted)', 'recording_not_deliverable');
    }
    if (messageIds.length) {
      const found: { id: string }[] = await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, messageIds]);
      if (found.length !== messageIds.length) return new NotFoundError('Message');
    }
    return { recordings: recordingIds, messages: messageIds, how: 'chosen' };
  }

  private event(principal: Principal, clientId: string, subject: { type: string; id: string } | undefined, outcome: 'success' | 'denied', details: AuditDetails, action = 'delivery.create') {
    return { actor: actorOf(principal), clientId, dataRole: 'processor' as const, purpose: 'service_delivery' as const, action, subject, outcome, details };
  }
}
