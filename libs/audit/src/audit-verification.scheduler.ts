import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import type { ChainVerification } from './audit.service';

export const AUDIT_QUEUE = 'audit';
export const VERIFY_CHAIN_JOB = 'verify-chain';

/** The only code that enqueues audit jobs: a nightly chain verification, and one on demand. */
@Injectable()
export class AuditVerificationScheduler {
  constructor(@InjectQueue(AUDIT_QUEUE) private readonly queue: Queue) {}

  scheduleNightly(): Promise<Job> {
    return this.queue.add(VERIFY_CHAIN_JOB, {}, { repeat: { cron: '17 3 * * *' }, jobId: 'nightly-verify-chain' });
  }

  async verifyNow(): Promise<ChainVerification> {
    const job = await this.queue.add(VERIFY_CHAIN_JOB, {});
    return job.finished();
  }
}
