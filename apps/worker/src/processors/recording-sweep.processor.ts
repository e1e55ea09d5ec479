import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { RECORDINGS_QUEUE, RecordingSweeper, SWEEP_RECORDINGS_JOB } from '#calls';
import type { SweepResult } from '#calls';

/** Thin: runs the periodic sweep, logs counts (no ids of content). */
@Processor(RECORDINGS_QUEUE)
export class RecordingSweepProcessor {
  private readonly logger = new Logger(RecordingSweepProcessor.name);

  constructor(private readonly sweeper: RecordingSweeper) {}

  @Process(SWEEP_RECORDINGS_JOB)
  async sweep(): Promise<SweepResult> {
    try {
      const result = await this.sweeper.sweep();
      if (result.abandoned || result.orphans) this.logger.log(`recordings sweep: ${result.abandoned} abandoned uploads, ${result.orphans} orphaned objects removed`);
      return result;
    } catch (error) {
      this.logger.error({ err: error }, 'recordings sweep failed; bull retries it');
      throw error;
    }
  }
}
