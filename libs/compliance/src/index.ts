export { complianceEntities, complianceMigrations } from './entities';
export { ComplianceModule, ComplianceWorkerModule, RetentionModule } from './compliance.module';

export { DataSubjectRequest } from './dsr/data-subject-request.entity';
export { DsrForward } from './dsr/dsr-forward.entity';
export { ProcessingRestriction } from './dsr/processing-restriction.entity';
export { DPO_ACTIONS, DSR_ACTIONS, DsrService, EXTENSION_WINDOW_DAYS, FORWARD_WITHIN_HOURS, MAX_EXTENSION_MONTHS, RECTIFICATION_WORKING_DAYS } from './dsr/dsr.service';
export type { DsrAction, DsrActionName, DsrExport, NewDsr } from './dsr/dsr.service';
export { CLIENT_INSTRUCTIONS, DSR_SOURCES, DSR_TYPES, RESTRICTION_PURPOSES, VERIFICATION_METHODS } from './dsr/dsr.types';
export type { ClientInstruction, DsrSource, DsrStatus, DsrType, OperationReport, RecordMatch, RecordOutcome, Rectification, RetentionHold, VerificationMethod } from './dsr/dsr.types';
export { exportArchive, exportFiles } from './dsr/export-archive';
export type { ExportDataset, ExportTable } from './dsr/export-archive';
export { ProcessingRestrictions } from './dsr/processing-restrictions';
export type { RecordRef } from './dsr/processing-restrictions';

export { Breach } from './breaches/breach.entity';
export { BreachAffectedClient } from './breaches/breach-affected-client.entity';
export { BREACH_ACTIONS, BreachesService, CLIENT_NOTICE_TARGET_HOURS, REGULATOR_DEADLINE_HOURS } from './breaches/breaches.service';
export type { BreachAction, BreachActionName, NewBreach } from './breaches/breaches.service';

export { CONSENT_CHANNELS, CONSENT_SUBJECT_TYPES, MarketingConsent } from './consent/marketing-consent.entity';
export type { ConsentChannel, ConsentSubjectType } from './consent/marketing-consent.entity';
export { MarketingSuppression } from './consent/marketing-suppression.entity';
export { ConsentService } from './consent/consent.service';
export type { MarketingChannel, MarketingExport, MarketingExportRequest, NewConsent } from './consent/consent.service';

export { COMPLIANCE_QUEUE, RETENTION_SWEEP_JOB, RetentionScheduler } from './retention/retention.scheduler';
export { RetentionService } from './retention/retention.service';
export type { RetentionReport } from './retention/retention.service';

export { SubProcessor, TRANSFER_MECHANISMS } from './sub-processors/sub-processor.entity';
export type { TransferMechanism } from './sub-processors/sub-processor.entity';
export { SubProcessorTransfer } from './sub-processors/sub-processor-transfer.entity';
export { SubProcessorsService } from './sub-processors/sub-processors.service';
export type { NewSubProcessor, NewTransfer, SubProcessorChanges } from './sub-processors/sub-processors.service';
export { ADEQUATE_COUNTRIES, transferProblem, UK_AND_EEA } from './sub-processors/transfer-rules';

export { DailyUsageService } from './usage/daily-usage.service';
export type { DailyUsage, DailyUsagePoint } from './usage/daily-usage.service';
export { MAX_USAGE_DAYS, UsageService, usageCsv } from './usage/usage.service';
export type { UsageCounts, UsageReport } from './usage/usage.service';

export { addCalendarMonths, addWorkingDays, daysLeft } from './rules/deadlines';
export { IdentifierHasher, normalizePhone } from './rules/identifiers';
export type { PersonIdentifiers } from './rules/identifiers';
export { COMPLIANCE_ERROR_CODES } from './errors';
export type { ComplianceErrorCode } from './errors';
