import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CallerDataErasureModule } from '#calls';
import { ClientsModule } from '#clients';
import { CryptoModule } from '#crypto';
import { DeliveriesModule } from '#deliveries';
import { UserErasureModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { BreachesRepository } from './breaches/breaches.repository';
import { BreachesService } from './breaches/breaches.service';
import { ConsentService } from './consent/consent.service';
import { SuppressionList } from './consent/suppression-list';
import { CallerDataOperations } from './dsr/caller-data-operations';
import { ControllerDataOperations } from './dsr/controller-data-operations';
import { MarketingConsentsRepository } from './consent/marketing-consents.repository';
import { MarketingSuppressionsRepository } from './consent/marketing-suppressions.repository';
import { ClientInstructions } from './dsr/client-instructions';
import { DataSubjectRequestsRepository } from './dsr/data-subject-requests.repository';
import { DpoWorkflow } from './dsr/dpo-workflow';
import { DsrExports } from './dsr/dsr-exports';
import { DsrIntake } from './dsr/dsr-intake';
import { DsrReads } from './dsr/dsr-reads';
import { DsrService } from './dsr/dsr.service';
import { IdentitySearch } from './dsr/identity-search';
import { ProcessingRestrictions } from './dsr/processing-restrictions';
import { ProcessingRestrictionsRepository } from './dsr/processing-restrictions.repository';
import { COMPLIANCE_QUEUE, RetentionScheduler } from './retention/retention.scheduler';
import { RetentionService } from './retention/retention.service';
import { IdentifierHasher } from './rules/identifiers';
import { RegisteredSubjectDecisions } from './rules/subject-decisions';
import { SubProcessorsRepository } from './sub-processors/sub-processors.repository';
import { SubProcessorsService } from './sub-processors/sub-processors.service';
import { DailyUsageService } from './usage/daily-usage.service';
import { UsageService } from './usage/usage.service';

/**
 * GDPR operations: data subject requests, the breach register, retention schedules, marketing consent
 * and suppression, the sub-processor register, usage reports. Needs the platform (config, clock,
 * database, audit, storage, queue) and the access module in the container.
 */
/** Retention schedules: what both the API (to run a sweep on demand) and the worker (to run it) need. */
@Module({
  imports: [BullModule.registerQueue({ name: COMPLIANCE_QUEUE }), CallerDataErasureModule, ClientsModule, UserErasureModule],
  providers: [RetentionScheduler, RetentionService],
  exports: [RetentionScheduler, RetentionService],
})
export class RetentionModule {}

@Module({
  imports: [CallerDataErasureModule, ClientsModule, CryptoModule, DeliveriesModule, RetentionModule, UserErasureModule, NotificationsModule],
  providers: [
    BreachesRepository,
    BreachesService,
    CallerDataOperations,
    ClientInstructions,
    ConsentService,
    ControllerDataOperations,
    DataSubjectRequestsRepository,
    DpoWorkflow,
    DsrExports,
    DsrIntake,
    DsrReads,
    DsrService,
    IdentifierHasher,
    IdentitySearch,
    MarketingConsentsRepository,
    MarketingSuppressionsRepository,
    ProcessingRestrictions,
    ProcessingRestrictionsRepository,
    RegisteredSubjectDecisions,
    SubProcessorsRepository,
    SubProcessorsService,
    SuppressionList,
    UsageService,
    DailyUsageService,
  ],
  exports: [
    BreachesService,
    ConsentService,
    DsrService,
    ProcessingRestrictions,
    RetentionModule,
    SubProcessorsService,
    UsageService,
    DailyUsageService,
  ],
})
export class ComplianceModule {}

/** The worker's side: retention (its schedule is declared by RetentionScheduler). The processor lives in the worker app. */
@Module({
  imports: [RetentionModule],
  exports: [RetentionModule],
})
export class ComplianceWorkerModule {}
