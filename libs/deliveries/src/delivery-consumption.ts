import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import type { ActorRole, AuditDetails } from '#audit';
import { DeliverableCallerData } from '#calls';
import { DeletionScheduler } from './deletion/deletion-scheduler';
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
    const [rows] = (await tx.query(
      `UPDATE deliveries
          SET status = 'consumed', consumed_at = $2, closed_at = $2, consumed_by = $3,
              password_hash = NULL, lease_until = NULL, lease_token = NULL
        WHERE id = $1 AND status = ANY($4::varchar[]) AND transfers_completed > 0
        RETURNING sent_at`,
      [target.deliveryId, now, how, from],
    )) as [{ sent_at: Date }[], number];
    if (!rows.length) return null;
    const items: { item_id: string; kind: string }[] = await tx.query(
      `SELECT item_id, kind FROM delivery_items WHERE delivery_id = $1 AND disposition = 'archived' ORDER BY kind, item_id`,
      [target.deliveryId],
    );
    const recordingIds = items.filter((i) => i.kind === 'recording').map((i) => i.item_id);
    const messageIds = items.filter((i) => i.kind === 'message').map((i) => i.item_id);
    await this.callerData.markDelivered(tx, target.clientId, target.deliveryId, { recordingIds, messageIds }, now);
    const outbox: { id: string }[] = await tx.query(
      `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, delivery_id, status, created_at)
       SELECT gen_random_uuid(), $2, r.id, 'delivered', $1, 'pending', $3 FROM unnest($4::uuid[]) AS r(id)
       ON CONFLICT (recording_id) DO NOTHING
       RETURNING id`,
      [target.deliveryId, target.clientId, now, recordingIds],
    );
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
        sentAt: new Date(rows[0].sent_at).toISOString(),
        ...details,
      }),
      tx,
    );
    return outbox.map((row) => row.id);
  }

  /** After the commit: start the deletions now (never throws; the sweep covers a Redis outage). */
  enqueue(outboxIds: readonly string[]): Promise<number> {
    return this.deletions.enqueue(outboxIds);
  }
}
