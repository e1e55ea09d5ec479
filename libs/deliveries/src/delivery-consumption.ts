import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import type { ActorRole, AuditDetails } from '#audit';
import { DeliverableCallerData } from '#calls';
import { DeletionOutboxRepository } from './deletion/deletion-outbox.repository';
import { DeletionScheduler } from './deletion/deletion-scheduler';
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryConsumedBy, DeliveryStatus } from './delivery.entity';

export interface Consumable {
  deliveryId: string;
  clientId: string;
}

/** Credential holders act as the delivery (ids only); the worker as the system. */
export const credentialActor = (deliveryId: string) => ({ id: deliveryId, role: 'delivery_credential' as ActorRole });
export const SYSTEM_ACTOR = { id: null, role: 'system' as ActorRole };

/**
 * Consuming a delivery: in the caller's transaction (in the client's TenantScope), the delivery becomes
 * `consumed` (its password hash dropped), what its last complete transfer archived is marked delivered
 * (through the calls library), one deletion outbox row per archived recording is written, and each is
 * audited. Withheld and omitted items are left alone: never marked, never shredded. After the commit
 * the caller passes the outbox ids to `enqueue`; if Redis is down, the outbox sweep finds them.
 */
@Injectable()
export class DeliveryConsumption {
  constructor(
    private readonly callerData: DeliverableCallerData,
    private readonly deletions: DeletionScheduler,
    private readonly audit: AuditService,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: DeletionOutboxRepository,
  ) {}

  /** Null when the delivery is not (any more) in one of `from`: someone else consumed or closed it. */
  async consume(
    tx: EntityManager,
    target: Consumable,
    how: DeliveryConsumedBy,
    from: DeliveryStatus[],
    now: Date,
    actor: { id: string | null; role: ActorRole },
    details: AuditDetails = {},
  ): Promise<string[] | null> {
    const consumed = await this.deliveries.consume(tx, target.deliveryId, how, from, now);
    if (!consumed) return null;
    const { recordingIds, messageIds } = await this.deliveries.archivedItems(tx, target.deliveryId);
    await this.callerData.markDelivered(tx, target.clientId, target.deliveryId, { recordingIds, messageIds }, now);
    const outboxIds = await this.outbox.addDelivered(tx, target.deliveryId, target.clientId, recordingIds, now);
    const event = (action: string, subject: { type: string; id: string }, extra: AuditDetails) => ({
      actor,
      clientId: target.clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action,
      subject,
      outcome: 'success' as const,
      details: extra,
    });
    for (const recordingId of recordingIds) {
      await this.audit.append(event('recording.deliver', { type: 'recording', id: recordingId }, { deliveryId: target.deliveryId, consumedBy: how }), tx);
    }
    await this.audit.append(
      event('delivery.consume', { type: 'delivery', id: target.deliveryId }, {
        consumedBy: how,
        receipt: how === 'receipt',
        recordings: recordingIds.length,
        messages: messageIds.length,
        sentAt: consumed.sentAt.toISOString(),
        ...details,
      }),
      tx,
    );
    return outboxIds;
  }

  /** After the commit: start the deletions now (never throws; the sweep covers a Redis outage). */
  enqueue(outboxIds: readonly string[]): Promise<number> {
    return this.deletions.enqueue(outboxIds);
  }
}
