import { AgentAssignment } from './agent-assignment.entity';
import { BreakGlassGrant } from './break-glass-grant.entity';
import { IngestKey } from './ingest-key.entity';
import { AgentAssignmentsAndBreakGlass1700000000360 } from './migrations/1700000000360-AgentAssignmentsAndBreakGlass';
import { IngestKeys1700000000350 } from './migrations/1700000000350-IngestKeys';
import { BreakGlassClosedEarly1700000001710 } from './migrations/1700000001710-BreakGlassClosedEarly';

export { AcceptsIngestKey, CurrentPrincipal, Public, Roles } from './access.decorators';
export { AccessModule } from './access.module';
export { AccessPolicy } from './access-policy';
export type { AccessGrant, AccessRequest } from './access-policy';
export { AccessTokenService } from './access-token.service';
export { AgentAssignment } from './agent-assignment.entity';
export { AgentAssignmentsService } from './agent-assignments.service';
export { AgentDirectoryService } from './agent-directory.service';
export { BreakGlassGrant } from './break-glass-grant.entity';
export { BREAK_GLASS_MAX_MINUTES, BreakGlassService } from './break-glass.service';
export { AuditTrailService } from './audit-trail.service';
export { SESSION_COOKIE, sessionCookieOptions } from './browser-session';
export { IngestKey } from './ingest-key.entity';
export { IngestKeysService } from './ingest-keys.service';
export { actorOf } from './principal';
export { SubjectDecisions } from './subject-decisions';
export type { SubjectRefusal } from './subject-decisions';
export type { Principal } from './principal';

export const accessEntities = [AgentAssignment, BreakGlassGrant, IngestKey];
export const accessMigrations = [IngestKeys1700000000350, AgentAssignmentsAndBreakGlass1700000000360, BreakGlassClosedEarly1700000001710];
