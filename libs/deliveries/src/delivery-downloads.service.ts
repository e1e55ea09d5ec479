import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryClaim, DeliveryClaims } from './delivery-claims';
import { credentialActor, DeliveryConsumption } from './delivery-consumption';
import type { AdmittedDelivery } from './delivery-credentials';
import { ArchivePlan, DeliveryPlanner } from './delivery-plan';
import { DeliveryRangeError } from './errors';
import { writeZip, ZipStream } from './zip-format';

/**
 * `GET /deliveries/:id/download` once the credential is admitted:
 *
 * 1. claim (one atomic UPDATE; 409/410/423 otherwise) and keep the lease alive while bytes flow;
 * 2. plan the archive (DeliveryPlanner: fixed order and timestamps, what the policy withholds left
 *    out) and answer with its exact Content-Length; stream it with backpressure end to end, each
 *    recording decrypted and verified, hashing the archive's bytes on the way;
 * 3. only when the response has emitted 'finish' (every byte handed to the socket): one transaction
 *    records the transfer as complete (`awaiting_receipt`, with the archive's SHA-256 and what each
 *    item became). Handed to a socket is not received: deletion waits for the client's receipt or its
 *    receipt window (a window of 0 consumes here, in the same transaction).
 * An interrupted or failed transfer records nothing but its audit event and releases the claim at
 * once, so the same credential may try again straight away.
 */
@Injectable()
export class DeliveryDownloads {
  private readonly logger = new Logger(DeliveryDownloads.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly claims: DeliveryClaims,
    private readonly planner: DeliveryPlanner,
    private readonly consumption: DeliveryConsumption,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  /** HEAD: the headers a download would get, no body; claims, consumes and counts nothing. */
  probe(admitted: AdmittedDelivery, res: ServerResponse): void {
    this.writeHeaders(admitted.id, res);
    res.end();
  }

  async download(admitted: AdmittedDelivery, res: ServerResponse): Promise<void> {
    if (admitted.mode !== 'download') throw new DeliveryRangeError();
    const claim = await this.claims.claim(admitted.id, admitted.clientId);
    let sent = 0;
    let lost = false;
    let streaming = false;
    let zip: ZipStream | undefined;
    const lease = this.claims.keepAlive(claim, () => sent, () => {
      lost = true;
      res.destroy();
    });
    let first: Readable | undefined;
    try {
      const plan = await this.planner.plan(claim.clientId, claim.deliveryId);
      // The first entry is opened before any byte goes out, so a store that is down now still gets a
      // proper error answer instead of a cut connection.
      first = await plan.entries[0].open();
      const opened = first;
      const hash = createHash('sha256');
      // Every byte of the archive is hashed and counted on its way out. A failure of the archive's own
      // sources (the store, a record that fails authentication, a hash that differs) is marked on the
      // stream as theirs; the response going away is an interruption.
      zip = writeZip(
        plan.entries.map((e) => e.spec),
        (i) => (i === 0 ? opened : plan.entries[i].open()),
        (chunk) => {
          hash.update(chunk);
          sent += chunk.length;
        },
      );
      this.writeHeaders(claim.deliveryId, res, plan.length);
      streaming = true;
      await pipeline(zip, res);
      // 'finish': every byte of the archive has been handed to the socket. Sent, not yet received.
      if (!res.writableFinished) throw Object.assign(new Error('response closed before it finished'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
      lease.stop();
      await this.sent(claim, plan, hash.digest('hex'), sent).catch((error) => this.notRecorded(claim, error, sent));
    } catch (error) {
      // Decided now: closing the first source below (or the archive stream winding down) fails the source
      // afterwards, which is a consequence of the cut, not its cause.
      const reason = lost ? 'lease_lost' : streaming && !zip?.sourceFailed ? 'interrupted' : 'error';
      lease.stop();
      if (first && !first.destroyed) first.destroy();
      await this.claims.release(claim).catch(() => undefined);
      if (reason === 'error') this.logger.warn({ err: error, deliveryId: claim.deliveryId }, 'delivery download failed; nothing consumed');
      await this.audit.append(this.event(claim, 'delivery.download', 'failure', { reason, bytes: sent })).catch(() => undefined);
      if (!res.headersSent) throw error;
      res.destroy();
    }
  }

  /**
   * Everything was sent but recording it failed (the database went away): nothing is recorded or
   * consumed, the claim is given back, and the same credential may download again until expiry.
   */
  private async notRecorded(claim: DeliveryClaim, error: unknown, bytes: number): Promise<void> {
    this.logger.error({ err: error, deliveryId: claim.deliveryId }, 'delivery sent completely but could not be recorded; it stays as it was');
    await this.claims.release(claim).catch(() => undefined);
    await this.audit.append(this.event(claim, 'delivery.download', 'failure', { reason: 'not_recorded', bytes })).catch(() => undefined);
  }

  private writeHeaders(deliveryId: string, res: ServerResponse, length?: number): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="callvault-delivery-${deliveryId}.zip"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Accept-Ranges', 'none');
    if (length !== undefined) res.setHeader('Content-Length', String(length));
  }

  /**
   * The whole archive reached the socket: in one transaction, conditional on still holding the claim,
   * the delivery awaits its receipt (the window starts at the first complete transfer) and each item
   * records what this transfer did with it. With a receipt window of 0 the delivery is consumed here
   * and its deletions start at once.
   */
  private async sent(claim: DeliveryClaim, plan: ArchivePlan, sha256: string, bytes: number): Promise<void> {
    const outboxIds = await this.scope.run(claim.clientId, async (tx) => {
      const now = this.clock.now();
      const row = await this.deliveries.recordTransfer(tx, claim.deliveryId, claim.token, sha256, bytes, now);
      if (!row) return null;
      await this.deliveries.setDispositions(tx, claim.deliveryId, plan.archived, plan.withheld);
      await this.audit.append(
        this.event(claim, 'delivery.download', 'success', {
          bytes,
          sha256,
          transfer: row.transfersCompleted,
          recordings: plan.recordingsArchived,
          messages: plan.messagesArchived,
          omitted: plan.omitted.length,
          withheld: plan.withheld.length,
          receiptDueAt: row.receiptDueAt.toISOString(),
        }),
        tx,
      );
      if (row.receiptWindowMinutes > 0) return [];
      return this.consumption.consume(tx, claim, 'no_window', ['awaiting_receipt'], now, credentialActor(claim.deliveryId));
    });
    if (outboxIds === null) {
      this.logger.warn(`delivery ${claim.deliveryId} sent completely after its claim was lost; not recorded by this download`);
      return;
    }
    await this.consumption.enqueue(outboxIds ?? []);
  }

  private event(claim: DeliveryClaim, action: string, outcome: 'success' | 'failure', details: AuditDetails) {
    return {
      actor: credentialActor(claim.deliveryId),
      clientId: claim.clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action,
      subject: { type: 'delivery', id: claim.deliveryId },
      outcome,
      details,
    };
  }
}
