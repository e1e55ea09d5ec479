import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AUDIT_QUEUE, AuditVerificationScheduler } from './audit-verification.scheduler';
import { AuditSegments } from './audit-segments';
import { AuditSequencer } from './audit-sequencer';
import { AuditService } from './audit.service';

/** Global: every domain appends to the same record. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: AUDIT_QUEUE })],
  providers: [AuditSegments, AuditSequencer, AuditService, AuditVerificationScheduler],
  exports: [AuditSegments, AuditService, AuditVerificationScheduler],
})
export class AuditModule {}
