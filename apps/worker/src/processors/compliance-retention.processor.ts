import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { COMPLIANCE_QUEUE, RETENTION_SWEEP_JOB, RetentionReport, RetentionService } from '#compliance';

/** Thin: run the retention sweep (idempotent), log counts only, hand the report back to whoever waits. */
@Processor(COMPLIANCE_QUEUE)
export class ComplianceRetentionProcessor {
  private readonly logger = new Logger(ComplianceRetentionProcessor.name);

  constructor(private readonly retention: RetentionService) {}

  @Process(RETENTION_SWEEP_JOB)
  async sweep(): Promise<RetentionReport> {
    try {
      return await this.retention.sweep();
    } catch (error) {
      this.logger.error({ err: error }, 'retention sweep failed; bull retries it');
      throw error;
    }
  }
}
