import { AuditEvent } from './audit-event.entity';
import { AuditSegment } from './audit-segment.entity';
import { AuditEvents1700000000200 } from './migrations/1700000000200-AuditEvents';
import { AuditSegments1700000000210 } from './migrations/1700000000210-AuditSegments';
import { AuditSegmentFunctions1700000001201 } from './migrations/1700000001201-AuditSegmentFunctions';
import { AuditVerification } from './audit-verification.entity';
import { AuditVerifications1700000001410 } from './migrations/1700000001410-AuditVerifications';
import { AuditPendingEvents1700000002020 } from './migrations/1700000002020-AuditPendingEvents';

export { brokenLink, canonicalText, chainHash, GENESIS_HASH } from './audit-chain';
export { AuditEvent } from './audit-event.entity';
export type { AuditDetails } from './audit-event.entity';
export { AUDIT_QUEUE, AuditVerificationScheduler, VERIFY_CHAIN_JOB } from './audit-verification.scheduler';
export { AuditModule } from './audit.module';
export { AuditSegment } from './audit-segment.entity';
export { AuditVerification } from './audit-verification.entity';
export { AuditSegments } from './audit-segments';
export { AuditService } from './audit.service';
export type { ActorActivity, AuditEntry, AuditFilter, ChainVerification } from './audit.service';
export { DATA_ROLES, PURPOSES, ROLES } from './vocabulary';
export type { ActorRole, DataRole, Outcome, Purpose, Role } from './vocabulary';

export const auditEntities = [AuditEvent, AuditSegment, AuditVerification];
export const auditMigrations = [AuditEvents1700000000200, AuditSegments1700000000210, AuditSegmentFunctions1700000001201, AuditVerifications1700000001410, AuditPendingEvents1700000002020];
export { auditRetentionSetting } from './audit-settings';
export { assertPersonalDataDeclared, NoPersonalData, PersonalData, personalDataOf } from './personal-data';
export type { PersonalDataDeclaration } from './personal-data';
export { auditEventsToCsv } from './audit-csv';
