import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { AUDIT_QUEUE, AuditService, ChainVerification, VERIFY_CHAIN_JOB } from '#audit';

/** Thin: verify the chain, log the outcome (ids only), hand the result back to whoever waits. */
@Processor(AUDIT_QUEUE)
export class AuditVerificationProcessor {
  private readonly logger = new Logger(AuditVerificationProcessor.name);

  constructor(private readonly audit: AuditService) {}

  @Process(VERIFY_CHAIN_JOB)
  async verifyChain(): Promise<ChainVerification> {
    const result = await this.audit.verify();
    if (result.ok) this.logger.log(`audit chain verified: ${result.events} events, head ${result.head?.seq ?? 'none'}`);
    else this.logger.error(`audit chain broken at event ${result.broken?.seq}: ${result.broken?.reason}`);
    return result;
  }
}
