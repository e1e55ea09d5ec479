import { Injectable } from '@nestjs/common';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { normalizeOneTimePassword, SecretHasher } from '#crypto';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { parseBasicCredentials } from './basic-credentials';
import { DeliveriesRepository } from './deliveries.repository';
import { Delivery } from './delivery.entity';
import { DELIVERY_RULES } from './delivery-settings';
import { DeliveryCredentialError, DeliveryGoneError, DeliveryLockedError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * download: a GET that will stream the delivery; receipt: a POST confirming the archive's SHA-256.
 * Their password is checked and a wrong one is counted. probe: HEAD or a Range request; they never
 * consume and never count, so they never evaluate the password either (else they would be an
 * uncounted guessing oracle).
 */
export type CredentialMode = 'download' | 'receipt' | 'probe';

/** A delivery whose credential was accepted for this request. */
export interface AdmittedDelivery {
  id: string;
  clientId: string;
  mode: CredentialMode;
}

/**
 * The one place where a delivery's credential is checked, for every route that serves it:
 *
 * 1. HTTP Basic `id:password` must be present and name this delivery: else 401, not counted (link
 *    scanners and previews send nothing);
 * 2. the delivery's state: locked → 423; consumed or past expiry → 410 (before the password, so a
 *    closed delivery costs no hashing and reveals nothing about it);
 * 3. for a download, the password (normalised, argon2id): wrong → counted, atomically; the limit locks
 *    the delivery (and drops its hash), so the next request gets 423 whatever it sends.
 *
 * Refusals of a download are audited (ids and reasons only).
 */
@Injectable()
export class DeliveryCredentials {
  constructor(
    private readonly scope: TenantScope,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async check(deliveryId: string, authorization: string | undefined, mode: CredentialMode): Promise<AdmittedDelivery> {
    const presented = parseBasicCredentials(authorization);
    if (!presented || presented.user.toLowerCase() !== deliveryId.toLowerCase()) throw new DeliveryCredentialError();
    if (!UUID.test(deliveryId)) throw new NotFoundError('Delivery');
    const delivery = await this.scope.runAcrossClients('delivery_credential_check', (tx) => this.deliveries.byId(tx, deliveryId));
    if (!delivery) throw new NotFoundError('Delivery');

    const closed = this.closedReason(delivery, mode);
    if (closed) {
      if (mode !== 'probe') await this.refused(delivery, closed);
      throw closed === 'locked' ? new DeliveryLockedError() : new DeliveryGoneError(closed);
    }
    if (mode === 'probe') return { id: delivery.id, clientId: delivery.clientId, mode };

    const password = normalizeOneTimePassword(presented.password);
    if (await this.hasher.verify(delivery.passwordHash, password)) return { id: delivery.id, clientId: delivery.clientId, mode };
    return this.countWrongPassword(delivery);
  }

  /**
   * Awaiting its receipt, a delivery no longer expires: it accepts downloads until its receipt window
   * ends (then it is as good as consumed) and a receipt until the worker has consumed it.
   */
  private closedReason(delivery: Delivery, mode: CredentialMode): 'locked' | 'consumed' | 'expired' | null {
    const now = this.clock.now().getTime();
    if (delivery.status === 'locked') return 'locked';
    if (delivery.status === 'consumed') return 'consumed';
    if (delivery.status === 'awaiting_receipt') return mode !== 'receipt' && delivery.receiptDueAt && delivery.receiptDueAt.getTime() <= now ? 'consumed' : null;
    if (delivery.status === 'expired' || delivery.expiresAt.getTime() <= now) return 'expired';
    return null;
  }

  private async countWrongPassword(delivery: Delivery): Promise<never> {
    const now = this.clock.now();
    const counted = await this.scope.run(delivery.clientId, async (tx) => {
      const row = await this.deliveries.countWrongPassword(tx, delivery.id, DELIVERY_RULES.maxFailedAttempts, now);
      if (!row) return null;
      await this.audit.append(this.denial(delivery, { reason: 'wrong_password', failedAttempts: row.failedAttempts, locked: row.locked }), tx);
      return row;
    });
    if (counted) throw new DeliveryCredentialError('Wrong password for this delivery');
    // It closed meanwhile (locked by a concurrent guess, consumed, expired): answer what it is now.
    const current = await this.scope.run(delivery.clientId, (tx) => this.deliveries.byId(tx, delivery.id));
    if (!current) throw new NotFoundError('Delivery');
    const closed = this.closedReason(current, 'download') ?? 'locked';
    await this.refused(current, closed);
    throw closed === 'locked' ? new DeliveryLockedError() : new DeliveryGoneError(closed);
  }

  /** Refusals come from whoever presented the id, not (yet) from the credential's holder: anonymous. */
  private refused(delivery: Delivery, reason: string): Promise<unknown> {
    return this.audit.append(this.denial(delivery, { reason }));
  }

  private denial(delivery: Delivery, details: AuditDetails) {
    return {
      actor: { id: null, role: 'anonymous' as const },
      clientId: delivery.clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action: 'delivery.download',
      subject: { type: 'delivery', id: delivery.id },
      outcome: 'denied' as const,
      details,
    };
  }
}
