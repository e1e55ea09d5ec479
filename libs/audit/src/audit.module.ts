import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEventsRepository } from './audit-events.repository';
import { AUDIT_QUEUE, AuditVerificationScheduler } from './audit-verification.scheduler';
import { AuditVerificationsRepository } from './audit-verifications.repository';
import { AuditSegments } from './audit-segments';
import { AuditSegmentsRepository } from './audit-segments.repository';
import { AuditSequencer } from './audit-sequencer';
import { AuditService } from './audit.service';

/** Global: every domain appends to the same record. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: AUDIT_QUEUE })],
  providers: [
    AuditSegments,
    AuditSequencer,
    AuditService,
    AuditVerificationScheduler,
    AuditChainRepository,
    AuditEventsRepository,
    AuditSegmentsRepository,
    AuditVerificationsRepository,
  ],
  exports: [AuditSegments, AuditService, AuditVerificationScheduler],
})
export class AuditModule {}
