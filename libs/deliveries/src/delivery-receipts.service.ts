import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DomainError } from '#errors';
import { DeliveriesRepository } from './deliveries.repository';
import { credentialActor, DeliveryConsumption } from './delivery-consumption';
import type { AdmittedDelivery } from './delivery-credentials';
import { DeliveryGoneError, DeliveryLockedError, DeliveryNotSentError, DeliveryReceiptMismatchError } from './errors';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** A receipt may overtake the recording of the transfer it confirms (the client has the last byte before the server's 'finish'). */
const SETTLE_MS = 10_000;
const POLL_MS = 50;

/**
 * `POST /deliveries/:id/receipt {sha256}` with the delivery's credential: the client proves it holds
 * the whole archive. A digest equal to the one of the archive last sent completely consumes the
 * delivery (DeliveryConsumption: recordings marked delivered, deletion outbox, in one transaction) and
 * the deletions start at once. A different digest consumes nothing (409); a delivery never sent
 * completely has nothing to confirm (409); a consumed one answers 410. Every answer is audited.
 */
@Injectable()
export class DeliveryReceipts {
  constructor(
    private readonly scope: TenantScope,
    private readonly consumption: DeliveryConsumption,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async confirm(admitted: AdmittedDelivery, sha256: string): Promise<{ status: 'consumed' }> {
    const presented = sha256.toLowerCase();
    const target = { deliveryId: admitted.id, clientId: admitted.clientId };
    await this.settled(admitted);
    const outcome = await this.scope.run(admitted.clientId, async (tx) => {
      const row = await this.deliveries.lockSentState(tx, admitted.id);
      const refused = (error: DomainError, details: AuditDetails) => ({ refused: error, details });
      if (!row || row.status === 'consumed') return refused(new DeliveryGoneError('consumed'), { reason: 'consumed' });
      if (row.status === 'locked') return refused(new DeliveryLockedError(), { reason: 'locked' });
      if (row.status === 'expired') return refused(new DeliveryGoneError('expired'), { reason: 'expired' });
      if (row.status !== 'awaiting_receipt' || !row.archiveSha256) return refused(new DeliveryNotSentError(), { reason: 'not_sent' });
      if (!same(row.archiveSha256, presented)) {
        return refused(new DeliveryReceiptMismatchError(row.bytesSent), { reason: 'digest_differs', transfers: row.transfersCompleted });
      }
      const now = this.clock.now();
      await this.audit.append(this.event(admitted, 'success', { sha256: presented }), tx);
      const outboxIds = await this.consumption.consume(tx, target, 'receipt', ['awaiting_receipt'], now, credentialActor(admitted.id), { sha256: presented });
      return { outboxIds: outboxIds ?? [] };
    });
    if ('refused' in outcome) {
      await this.audit.append(this.event(admitted, 'failure', outcome.details));
      throw outcome.refused;
    }
    await this.consumption.enqueue(outcome.outboxIds);
    return { status: 'consumed' };
  }

  /** Waits (bounded, wall time) while a first transfer is still running or being recorded. */
  private async settled(admitted: AdmittedDelivery): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    while (Date.now() < deadline) {
      const row = await this.scope.run(admitted.clientId, (tx) => this.deliveries.leaseState(tx, admitted.id));
      const running = row?.status === 'open' && row.leaseUntil !== null && row.leaseUntil.getTime() > this.clock.now().getTime();
      if (!running) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private event(admitted: AdmittedDelivery, outcome: 'success' | 'failure', details: AuditDetails) {
    return {
      actor: credentialActor(admitted.id),
      clientId: admitted.clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action: 'delivery.receipt',
      subject: { type: 'delivery', id: admitted.id },
      outcome,
      details,
    };
  }
}
