import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuditVerificationScheduler } from '#audit';

/** Registers the repeatable jobs once the worker is up (bull de-duplicates repeat keys). */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  constructor(private readonly auditVerification: AuditVerificationScheduler) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.auditVerification.scheduleNightly();
  }
}
