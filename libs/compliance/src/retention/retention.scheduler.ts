import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { RepeatableJob } from '#queue';
import { WorkerUnavailableError } from '../errors';
import type { RetentionReport } from './retention.service';

export const COMPLIANCE_QUEUE = 'compliance';
export const RETENTION_SWEEP_JOB = 'retention-sweep';

/** The only code that enqueues compliance jobs: declares the nightly retention sweep, and runs one on demand. */
@Injectable()
export class RetentionScheduler {
  constructor(@InjectQueue(COMPLIANCE_QUEUE) private readonly queue: Queue) {}

  repeatableJobs(): RepeatableJob[] {
    return [{ queue: this.queue, name: RETENTION_SWEEP_JOB, jobId: 'nightly-retention-sweep', repeat: { cron: '41 2 * * *' } }];
  }

  /** Runs a sweep on the worker and waits for its report; if no worker finishes it in time, the job stays queued. */
  async runNow(timeoutMs = 120_000): Promise<RetentionReport> {
    const job = await this.queue.add(RETENTION_SWEEP_JOB, {});
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new WorkerUnavailableError(`The retention sweep is queued (job ${job.id}) but no worker finished it within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([job.finished() as Promise<RetentionReport>, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
