import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DeliveryConsumption, SYSTEM_ACTOR } from '../delivery-consumption';
import { NotificationsService } from '#notifications';
import { DELIVERY_RULES } from '../delivery-settings';
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
  ) {}

  async sweepReceipts(): Promise<ReceiptSweepResult> {
    let consumed = 0;
    for (;;) {
      const now = this.clock.now();
      const due: { id: string; client_id: string }[] = await this.scope.runAcrossClients('retention_sweep', (tx) =>
        tx.query(
          `SELECT id, client_id FROM deliveries
            WHERE receipt_due_at <= $1 AND status IN ('awaiting_receipt', 'locked') AND transfers_completed > 0
            ORDER BY receipt_due_at, id LIMIT $2`,
          [now, BATCH],
        ),
      );
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
      const rows: { id: string; created_at: Date }[] = await this.scope.runAcrossClients('deletion_outbox', (tx) =>
        tx.query(
          `SELECT id, created_at FROM deletion_outbox
            WHERE status = 'pending' AND created_at < $1 AND (created_at, id) > ($2, $3)
            ORDER BY created_at, id LIMIT $4`,
          [cutoff, after.createdAt, after.id, BATCH],
        ),
      );
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

  /** Recordings past retainUntil that were never delivered: one outbox row each, then their jobs. */
  private async scheduleExpiredRecordings(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const rows: { id: string }[] = await this.scope.runAcrossClients('retention_sweep', (tx) =>
        tx.query(
          `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, status, created_at)
           SELECT gen_random_uuid(), r.client_id, r.id, 'retention', 'pending', $1
             FROM recordings r
            WHERE r.status = 'stored' AND r.retain_until <= $1
              AND NOT EXISTS (SELECT 1 FROM deletion_outbox o WHERE o.recording_id = r.id)
            ORDER BY r.retain_until
            LIMIT $2
           ON CONFLICT (recording_id) DO NOTHING
           RETURNING id`,
          [now, BATCH],
        ),
      );
      total += rows.length;
      await this.scheduler.enqueue(rows.map((r) => r.id));
      if (rows.length < BATCH) return total;
    }
  }

  /** Clients with recordings never downloaded that retention deletes soon: one warning each per day (the notice dedupes). */
  private async warnBeforeRetention(): Promise<void> {
    const now = this.clock.now();
    const soon = new Date(now.getTime() + DELIVERY_RULES.expiryWarningMs);
    await this.scope.runAcrossClients('retention_sweep', async (tx) => {
      const rows: { client_id: string; count: string; first: Date }[] = await tx.query(
        `SELECT client_id, count(*) AS count, min(retain_until) AS first FROM recordings
          WHERE status = 'stored' AND retain_until > $1 AND retain_until <= $2 GROUP BY client_id`,
        [now, soon],
      );
      for (const row of rows) await this.notifications.recordingsExpiring(tx, { clientId: row.client_id, count: Number(row.count), deleteFrom: new Date(row.first) });
    });
  }

  /** Open deliveries past expiry become `expired` (their password hash is dropped). A running download keeps its delivery until its lease ends. */
  private async closeExpiredDeliveries(): Promise<number> {
    const now = this.clock.now();
    return this.scope.runAcrossClients('retention_sweep', async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE deliveries SET status = 'expired', closed_at = $1, password_hash = NULL, lease_until = NULL, lease_token = NULL
          WHERE status = 'open' AND expires_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
          RETURNING id, client_id, expires_at`,
        [now],
      )) as [{ id: string; client_id: string; expires_at: Date }[], number];
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
