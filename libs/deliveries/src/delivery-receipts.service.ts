import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DomainError } from '#errors';
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
  ) {}

  async confirm(admitted: AdmittedDelivery, sha256: string): Promise<{ status: 'consumed' }> {
    const presented = sha256.toLowerCase();
    const target = { deliveryId: admitted.id, clientId: admitted.clientId };
    await this.settled(admitted);
    const outcome = await this.scope.run(admitted.clientId, async (tx) => {
      const [row] = (await tx.query(`SELECT status, archive_sha256, bytes_sent, transfers_completed FROM deliveries WHERE id = $1 FOR UPDATE`, [admitted.id])) as {
        status: string;
        archive_sha256: string | null;
        bytes_sent: string | null;
        transfers_completed: number;
      }[];
      const refused = (error: DomainError, details: AuditDetails) => ({ refused: error, details });
      if (!row || row.status === 'consumed') return refused(new DeliveryGoneError('consumed'), { reason: 'consumed' });
      if (row.status === 'locked') return refused(new DeliveryLockedError(), { reason: 'locked' });
      if (row.status === 'expired') return refused(new DeliveryGoneError('expired'), { reason: 'expired' });
      if (row.status !== 'awaiting_receipt' || !row.archive_sha256) return refused(new DeliveryNotSentError(), { reason: 'not_sent' });
      if (!same(row.archive_sha256, presented)) {
        return refused(new DeliveryReceiptMismatchError(row.bytes_sent === null ? null : Number(row.bytes_sent)), { reason: 'digest_differs', transfers: row.transfers_completed });
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
      const [row] = (await this.scope.run(admitted.clientId, (tx) =>
        tx.query(`SELECT status, lease_until FROM deliveries WHERE id = $1`, [admitted.id]),
      )) as { status: string; lease_until: Date | null }[];
      const running = row?.status === 'open' && row.lease_until !== null && new Date(row.lease_until).getTime() > this.clock.now().getTime();
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
