import { toCsv } from '#csv';
import type { AuditEvent } from './audit-event.entity';

const COLUMNS = ['seq', 'occurredAt', 'actorId', 'actorRole', 'clientId', 'dataRole', 'purpose', 'action', 'subjectType', 'subjectId', 'outcome', 'details', 'hash'] as const;

/** The audit trail as CSV for export: the same fields as the JSON, details as a JSON column. */
export function auditEventsToCsv(events: AuditEvent[]): string {
  return toCsv(events, [...COLUMNS]);
}
