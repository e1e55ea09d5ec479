import type { ActorRole } from '#audit';
import type { OperationReport, RecordOutcome } from './dsr.types';

/** Who acts and when: every operation takes its time from the injected clock. */
export interface OperationContext {
  now: Date;
  actor: { id: string | null; role: ActorRole };
}

export function report(operation: OperationReport['operation'], ctx: OperationContext, records: RecordOutcome[], reason?: string): OperationReport {
  const summary: Record<string, number> = {};
  for (const r of records) summary[r.outcome] = (summary[r.outcome] ?? 0) + 1;
  return { operation, at: ctx.now.toISOString(), by: ctx.actor.id ?? 'system', records, summary, ...(reason ? { reason } : {}) };
}
