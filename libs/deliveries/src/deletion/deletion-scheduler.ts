import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import type { RepeatableJob } from '#queue';
import { DELIVERY_RULES } from '../delivery-settings';
import { DELETE_RECORDING_JOB, DeleteRecordingJob, DELETIONS_QUEUE, SWEEP_OUTBOX_JOB, SWEEP_RECEIPTS_JOB, SWEEP_RETENTION_JOB } from './deletion-queue';

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`Redis did not answer within ${ms} ms`), { code: 'enqueue_timeout' })), ms).unref());

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
    const results = await Promise.allSettled(outboxIds.map((id) => Promise.race([this.add(id), timeout(DELIVERY_RULES.enqueueTimeoutMs)])));
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed) this.logger.warn(`${failed} of ${outboxIds.length} deletion jobs not enqueued now (Redis unavailable?); the outbox sweep will enqueue them`);
    return outboxIds.length - failed;
  }

  /**
   * For the sweep: makes sure a pending row has a live job. A job that used up its attempts is retried;
   * one waiting, delayed or running is left alone; a missing one (Redis lost it) is added again; one
   * bull shows running but whose worker no longer holds its lock (the worker died) goes back to the queue.
   */
  async ensureQueued(outboxId: string): Promise<'added' | 'retried' | 'recovered' | 'queued'> {
    const job = await this.queue.getJob(outboxId);
    if (!job) {
      await this.add(outboxId);
      return 'added';
    }
    if ((await job.isActive()) && !(await this.queue.client.exists(job.lockKey()))) {
      // bull's own stalled-job check, run now (it is public on the queue, though not in its typings).
      await (this.queue as Queue & { moveUnlockedJobsToWait(): Promise<void> }).moveUnlockedJobsToWait();
      return 'recovered';
    }
    if (await job.isFailed()) {
      await job.retry();
      return 'retried';
    }
    if (await job.isCompleted()) {
      // Finished (the row says otherwise only if its final write failed): run it again.
      await job.remove();
      await this.add(outboxId);
      return 'added';
    }
    return 'queued';
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
