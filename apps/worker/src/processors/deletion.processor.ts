import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import {
  DELETE_RECORDING_JOB,
  DeletionSweeper,
  DELETIONS_QUEUE,
  RecordingDeletionService,
  SWEEP_OUTBOX_JOB,
  SWEEP_RECEIPTS_JOB,
  SWEEP_RETENTION_JOB,
} from '#deliveries';
import type { DeleteRecordingJob, DeletionOutcome, OutboxSweepResult, ReceiptSweepResult, RetentionSweepResult } from '#deliveries';

/**
 * Thin: delegates each deletion and sweep to the deliveries library, logs ids and counts, rethrows so
 * bull retries with backoff. The periodic sweeps are registered by the worker's schedule registry.
 */
@Processor(DELETIONS_QUEUE)
export class DeletionProcessor {
  private readonly logger = new Logger(DeletionProcessor.name);

  constructor(
    private readonly deletion: RecordingDeletionService,
    private readonly sweeper: DeletionSweeper,
  ) {}

  @Process({ name: DELETE_RECORDING_JOB, concurrency: 4 })
  async deleteRecording(job: Job<DeleteRecordingJob>): Promise<DeletionOutcome> {
    return this.deletion.process(job.data.outboxId);
  }

  @Process(SWEEP_OUTBOX_JOB)
  sweepOutbox(): Promise<OutboxSweepResult> {
    return this.sweeper.sweepOutbox();
  }

  @Process(SWEEP_RECEIPTS_JOB)
  sweepReceipts(): Promise<ReceiptSweepResult> {
    return this.sweeper.sweepReceipts();
  }

  @Process(SWEEP_RETENTION_JOB)
  async sweepRetention(): Promise<RetentionSweepResult> {
    const result = await this.sweeper.sweepRetention();
    if (result.recordingsDue || result.deliveriesExpired) {
      this.logger.log(`retention: ${result.recordingsDue} recordings scheduled for deletion, ${result.deliveriesExpired} deliveries expired`);
    }
    return result;
  }
}
