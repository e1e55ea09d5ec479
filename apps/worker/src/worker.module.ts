import { DynamicModule, Module } from '@nestjs/common';
import { CallerMessageNoticesModule, RecordingVaultModule } from '#calls';
import { ComplianceWorkerModule } from '#compliance';
import { AppConfig } from '#config';
import { DeletionModule } from '#deliveries';
import { NotificationsModule } from '#notifications';
import { PlatformModule } from '#platform';
import type { PlatformOverrides } from '#platform';
import { AuditVerificationProcessor } from './processors/audit-verification.processor';
import { DeletionProcessor } from './processors/deletion.processor';
import { NotificationProcessor } from './processors/notification.processor';
import { ComplianceRetentionProcessor } from './processors/compliance-retention.processor';
import { RecordingSweepProcessor } from './processors/recording-sweep.processor';
import { ScheduleRegistry } from './schedule-registry';

/** The queue worker: bull processors and periodic schedules over the same libraries as the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config, overrides), RecordingVaultModule, DeletionModule, ComplianceWorkerModule, NotificationsModule, CallerMessageNoticesModule],
      providers: [AuditVerificationProcessor, ComplianceRetentionProcessor, DeletionProcessor, NotificationProcessor, RecordingSweepProcessor, ScheduleRegistry],
    };
  }
}
