import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DeliveriesRepository } from './deliveries.repository';
import { DELIVERY_RULES } from './delivery-settings';
import { DeliveryBusyError, DeliveryGoneError, DeliveryLockedError } from './errors';

/** A won claim: this request alone may stream the delivery while its lease lives. */
export interface DeliveryClaim {
  deliveryId: string;
  clientId: string;
  token: string;
}

/**
 * The download claim. One atomic UPDATE … WHERE decides it: the delivery must be open and not past
 * expiry, or awaiting its receipt within its window, and hold no live lease; the winner writes its own lease token and expiry. Everything after
 * (renewal, release, consumption) is conditional on that token, so a download that lost its lease can
 * no longer touch the delivery.
 */
@Injectable()
export class DeliveryClaims {
  private readonly logger = new Logger(DeliveryClaims.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  /** Wins the claim or throws 409 (another download runs), 410 (consumed, expired) or 423 (locked). */
  async claim(deliveryId: string, clientId: string): Promise<DeliveryClaim> {
    const token = randomUUID();
    const won = await this.scope.run(clientId, async (tx) => {
      const now = this.clock.now();
      const attempt = await this.deliveries.claim(tx, deliveryId, now, new Date(now.getTime() + DELIVERY_RULES.leaseMs), token);
      if (attempt === null) return false;
      await this.audit.append(
        {
          actor: { id: deliveryId, role: 'delivery_credential' },
          clientId,
          dataRole: 'processor',
          purpose: 'service_delivery',
          action: 'delivery.download.start',
          subject: { type: 'delivery', id: deliveryId },
          outcome: 'success',
          details: { attempt },
        },
        tx,
      );
      return true;
    });
    if (won) return { deliveryId, clientId, token };
    const current = await this.scope.run(clientId, (tx) => this.deliveries.byId(tx, deliveryId));
    if (!current || current.status === 'consumed') throw new DeliveryGoneError('consumed');
    if (current.status === 'awaiting_receipt' && current.receiptDueAt && current.receiptDueAt.getTime() <= this.clock.now().getTime()) throw new DeliveryGoneError('consumed');
    if (current.status === 'locked') throw new DeliveryLockedError();
    if (current.status === 'expired' || current.expiresAt.getTime() <= this.clock.now().getTime()) throw new DeliveryGoneError('expired');
    throw new DeliveryBusyError();
  }

  /** Extends the lease; false when it is no longer ours (lapsed and taken, or the delivery closed). */
  async renew(claim: DeliveryClaim): Promise<boolean> {
    return this.scope.run(claim.clientId, async (tx) => {
      const now = this.clock.now();
      return this.deliveries.renewLease(tx, claim.deliveryId, claim.token, new Date(now.getTime() + DELIVERY_RULES.leaseMs));
    });
  }

  /** Gives the claim up at once (an interrupted download), so the client may retry straight away. */
  async release(claim: DeliveryClaim): Promise<void> {
    await this.scope.run(claim.clientId, (tx) => this.deliveries.releaseLease(tx, claim.deliveryId, claim.token));
  }

  /**
   * Renews the lease every third of its length while bytes flow (`progress`, a byte count, has moved
   * since the last look); a transfer that stalls lets it lapse. `onLost` runs when a renewal finds the
   * lease taken.
   */
  keepAlive(claim: DeliveryClaim, progress: () => number, onLost: () => void): { stop(): void } {
    let seen = progress();
    let renewing = false;
    const timer = setInterval(() => {
      const now = progress();
      if (now === seen || renewing) return;
      seen = now;
      renewing = true;
      this.renew(claim)
        .then((ours) => {
          if (!ours) onLost();
        })
        .catch((error) => this.logger.warn({ err: error }, 'could not renew a delivery lease; will try again while bytes flow'))
        .finally(() => (renewing = false));
    }, Math.max(100, Math.floor(DELIVERY_RULES.leaseMs / 3)));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}
