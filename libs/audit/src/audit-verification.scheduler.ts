import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { RepeatableJob } from '#queue';
import type { ChainVerification } from './audit.service';

export const AUDIT_QUEUE = 'audit';
export const VERIFY_CHAIN_JOB = 'verify-chain';

/** The only code that enqueues audit jobs: declares the nightly chain verification, and runs one on demand. */
@Injectable()
export class AuditVerificationScheduler {
  constructor(@InjectQueue(AUDIT_QUEUE) private readonly queue: Queue) {}

  repeatableJobs(): RepeatableJob[] {
    return [{ queue: this.queue, name: VERIFY_CHAIN_JOB, jobId: 'nightly-verify-chain', repeat: { cron: '17 3 * * *' } }];
  }

  async verifyNow(): Promise<ChainVerification> {
    const job = await this.queue.add(VERIFY_CHAIN_JOB, {});
    return job.finished();
  }
}
