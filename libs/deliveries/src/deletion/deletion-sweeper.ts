import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '#audit';
import { RecordingDisposal } from '#calls';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { NotificationsService } from '#notifications';
import { DeliveriesRepository } from '../deliveries.repository';
import { DeliveryConsumption, SYSTEM_ACTOR } from '../delivery-consumption';
import { DELIVERY_RULES } from '../delivery-settings';
import { DeletionOutboxRepository } from './deletion-outbox.repository';
import { DeletionScheduler } from './deletion-scheduler';

const BATCH = 500;

export interface OutboxSweepResult {
  pending: number;
  added: number;
  retried: number;
  /** Jobs bull showed running on a worker that is gone, put back in the queue. */
  recovered: number;
}

export interface ReceiptSweepResult {
  /** Deliveries sent completely whose receipt window passed without a receipt, now consumed. */
  consumedWithoutReceipt: number;
}

export interface RetentionSweepResult {
  /** Recordings past their retention, never downloaded, now in the outbox. */
  recordingsDue: number;
  /** Open deliveries past their expiry, now closed as expired. */
  deliveriesExpired: number;
}

/**
 * The worker's periodic sweeps over every client (each names its reason to TenantScope):
 * - the outbox: rows still pending a while after they were written get a live job again, so a
 *   deletion whose job Redis lost, or that used up its attempts while S3 was down, still happens;
 * - retention: recordings never downloaded are deleted the same way (an outbox row, then the job)
 *   once their retainUntil has passed; open deliveries past their expiry are closed;
 * - receipt windows: a delivery sent completely whose client confirmed nothing within its window is
 *   consumed anyway (audited as consumed without receipt), so every recording sent is deleted at
 *   most one window after it was sent.
 */
@Injectable()
export class DeletionSweeper {
  private readonly logger = new Logger(DeletionSweeper.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly scheduler: DeletionScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly consumption: DeliveryConsumption,
    private readonly notifications: NotificationsService,
    private readonly disposal: RecordingDisposal,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: DeletionOutboxRepository,
  ) {}

  async sweepReceipts(): Promise<ReceiptSweepResult> {
    let consumed = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.scope.runAcrossClients('retention_sweep', (tx) => this.deliveries.receiptOverdue(tx, now, BATCH));
      for (const row of due) {
        const outboxIds = await this.scope.run(row.client_id, (tx) =>
          this.consumption.consume(tx, { deliveryId: row.id, clientId: row.client_id }, 'receipt_window', ['awaiting_receipt', 'locked'], now, SYSTEM_ACTOR, { reason: 'no_receipt_within_window' }),
        );
        if (outboxIds) {
          consumed++;
          await this.consumption.enqueue(outboxIds);
        }
      }
      if (due.length < BATCH) break;
    }
    if (consumed) this.logger.log(`receipt windows: ${consumed} deliveries consumed without a receipt`);
    return { consumedWithoutReceipt: consumed };
  }

  async sweepOutbox(): Promise<OutboxSweepResult> {
    const cutoff = new Date(this.clock.now().getTime() - DELIVERY_RULES.outboxResweepAfterMs);
    const result: OutboxSweepResult = { pending: 0, added: 0, retried: 0, recovered: 0 };
    let after = { createdAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const rows = await this.scope.runAcrossClients('deletion_outbox', (tx) => this.outbox.pendingBefore(tx, cutoff, after, BATCH));
      for (const row of rows) {
        const outcome = await this.scheduler.ensureQueued(row.id);
        result.pending++;
        if (outcome === 'added') result.added++;
        if (outcome === 'retried') result.retried++;
        if (outcome === 'recovered') result.recovered++;
      }
      if (rows.length < BATCH) break;
      after = { createdAt: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
    }
    if (result.added || result.retried || result.recovered) {
      this.logger.log(`deletion outbox: ${result.added} re-enqueued, ${result.retried} retried, ${result.recovered} recovered from a gone worker, of ${result.pending} pending`);
    }
    return result;
  }

  async sweepRetention(): Promise<RetentionSweepResult> {
    const deliveriesExpired = await this.closeExpiredDeliveries();
    const recordingsDue = await this.scheduleExpiredRecordings();
    await this.warnBeforeRetention();
    return { recordingsDue, deliveriesExpired };
  }

  /**
   * Recordings past retainUntil that were never delivered (the calls library finds them, page by page):
   * one outbox row each, then their jobs. A recording already in the outbox keeps its row.
   */
  private async scheduleExpiredRecordings(): Promise<number> {
    let total = 0;
    let after: { retainUntil: Date; id: string } | null = null;
    for (;;) {
      const now = this.clock.now();
      const cursor = after;
      const { due, added } = await this.scope.runAcrossClients('retention_sweep', async (tx) => {
        const page = await this.disposal.pastRetention(tx, now, cursor, BATCH);
        return { due: page, added: await this.outbox.addRetention(tx, page, now) };
      });
      total += added.length;
      await this.scheduler.enqueue(added);
      if (due.length < BATCH) return total;
      after = { retainUntil: due[due.length - 1].retainUntil, id: due[due.length - 1].id };
    }
  }

  /** Clients with recordings never downloaded that retention deletes soon: one warning each per day (the notice dedupes). */
  private async warnBeforeRetention(): Promise<void> {
    const now = this.clock.now();
    const soon = new Date(now.getTime() + DELIVERY_RULES.expiryWarningMs);
    await this.scope.runAcrossClients('retention_sweep', async (tx) => {
      for (const row of await this.disposal.expiringByClient(tx, now, soon)) {
        await this.notifications.recordingsExpiring(tx, { clientId: row.clientId, count: row.count, deleteFrom: row.first });
      }
    });
  }

  /** Open deliveries past expiry become `expired` (their password hash is dropped). A running download keeps its delivery until its lease ends. */
  private async closeExpiredDeliveries(): Promise<number> {
    const now = this.clock.now();
    return this.scope.runAcrossClients('retention_sweep', async (tx) => {
      const rows = await this.deliveries.expire(tx, now);
      for (const row of rows) {
        await this.audit.append(
          {
            actor: { id: null, role: 'system' },
            clientId: row.client_id,
            dataRole: 'processor',
            purpose: 'service_delivery',
            action: 'delivery.expire',
            subject: { type: 'delivery', id: row.id },
            outcome: 'success',
            details: { expiresAt: new Date(row.expires_at).toISOString() },
          },
          tx,
        );
      }
      return rows.length;
    });
  }
}
