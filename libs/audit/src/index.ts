import { AuditEvent } from './audit-event.entity';
import { AuditEvents1700000000200 } from './migrations/1700000000200-AuditEvents';

export { brokenLink, canonicalText, chainHash, GENESIS_HASH } from './audit-chain';
export { AuditEvent } from './audit-event.entity';
export type { AuditDetails } from './audit-event.entity';
export { AUDIT_QUEUE, AuditVerificationScheduler, VERIFY_CHAIN_JOB } from './audit-verification.scheduler';
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditEntry, AuditFilter, ChainVerification } from './audit.service';
export { DATA_ROLES, PURPOSES, ROLES } from './vocabulary';
export type { ActorRole, DataRole, Outcome, Purpose, Role } from './vocabulary';

export const auditEntities = [AuditEvent];
export const auditMigrations = [AuditEvents1700000000200];
export { assertPersonalDataDeclared, NoPersonalData, PersonalData, personalDataOf } from './personal-data';
export type { PersonalDataDeclaration } from './personal-data';
export { auditEventsToCsv } from './audit-csv';
