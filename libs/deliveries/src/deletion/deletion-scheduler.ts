import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { enqueueOutboxJobs, ensureOutboxJob } from '#queue';
import type { OutboxJobState, RepeatableJob } from '#queue';
import { DELIVERY_RULES } from '../delivery-settings';
import { DELETE_RECORDING_JOB, DeleteRecordingJob, DELETIONS_QUEUE, SWEEP_OUTBOX_JOB, SWEEP_RECEIPTS_JOB, SWEEP_RETENTION_JOB } from './deletion-queue';

/**
 * The only code that enqueues deletion jobs. A job's id is its outbox row's id, so enqueueing the same
 * row twice (after commit, then by the sweep) is one job. Enqueueing may fail (Redis down): the outbox
 * row is the truth and the sweep enqueues it later, so callers never depend on it succeeding.
 */
@Injectable()
export class DeletionScheduler {
  private readonly logger = new Logger(DeletionScheduler.name);

  constructor(@InjectQueue(DELETIONS_QUEUE) private readonly queue: Queue) {}

  /** Right after the commit that wrote the rows. Never throws: returns how many were enqueued. */
  async enqueue(outboxIds: readonly string[]): Promise<number> {
    if (!outboxIds.length) return 0;
    const { enqueued, failed } = await enqueueOutboxJobs(outboxIds, (id) => this.add(id), DELIVERY_RULES.enqueueTimeoutMs);
    if (failed) this.logger.warn(`${failed} of ${outboxIds.length} deletion jobs not enqueued now (Redis unavailable?); the outbox sweep will enqueue them`);
    return enqueued;
  }

  /** For the sweep: makes sure a pending row has a live job (see ensureOutboxJob). */
  ensureQueued(outboxId: string): Promise<OutboxJobState> {
    return ensureOutboxJob(this.queue, outboxId, (id) => this.add(id));
  }

  /**
   * The periodic sweeps. A failed sweep is not retried (the next one comes soon) and only the last
   * failures are kept, so an outage of the database cannot fill Redis with them.
   */
  repeatableJobs(): RepeatableJob[] {
    const options = { attempts: 1, removeOnFail: 100 };
    return [
      { queue: this.queue, name: SWEEP_OUTBOX_JOB, jobId: 'deletion-outbox-sweep', repeat: { every: DELIVERY_RULES.outboxSweepEveryMs }, options },
      { queue: this.queue, name: SWEEP_RETENTION_JOB, jobId: 'retention-sweep', repeat: { every: DELIVERY_RULES.retentionSweepEveryMs }, options },
      { queue: this.queue, name: SWEEP_RECEIPTS_JOB, jobId: 'receipt-window-sweep', repeat: { every: DELIVERY_RULES.receiptSweepEveryMs }, options },
    ];
  }

  async sweepReceiptsNow<T>(): Promise<T> {
    const job = await this.queue.add(SWEEP_RECEIPTS_JOB, {}, { attempts: 1, removeOnFail: 100 });
    return job.finished();
  }

  async sweepRetentionNow<T>(): Promise<T> {
    const job = await this.queue.add(SWEEP_RETENTION_JOB, {}, { attempts: 1, removeOnFail: 100 });
    return job.finished();
  }

  private add(outboxId: string): Promise<Job<DeleteRecordingJob>> {
    return this.queue.add(DELETE_RECORDING_JOB, { outboxId }, { jobId: outboxId });
  }
}
