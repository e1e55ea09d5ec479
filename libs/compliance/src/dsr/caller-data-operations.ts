import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { CallerDataSubjects } from '#calls';
import type { CallerRecordIds } from '#calls';
import { normalizeEmail } from '../rules/identifiers';
import type { DataSubjectRequest } from './data-subject-request.entity';
import type { DsrForward } from './dsr-forward.entity';
import { RecordMatch, RecordOutcome, Rectification, RESTRICTION_PURPOSES } from './dsr.types';
import type { ExportTable } from './export-archive';
import type { OperationContext } from './operation-context';
import { ProcessingRestrictions } from './processing-restrictions';

/** What erasing caller records leaves for after the commit: stored objects whose data keys are already destroyed. */
export interface CallerErasure {
  outcomes: RecordOutcome[];
  objectKeys: string[];
}

/**
 * What the processor does on a client's instruction about one person's caller records (GDPR art.
 * 28(3)(e)). Every method runs in the client's tenant scope; every record touched is audited by id.
 */
@Injectable()
export class CallerDataOperations {
  constructor(
    private readonly audit: AuditService,
    private readonly restrictions: ProcessingRestrictions,
    private readonly callerRecords: CallerDataSubjects,
  ) {}

  /**
   * Recordings are crypto-shredded (their data key destroyed, so every copy is unreadable at once),
   * messages deleted, and calls kept without the caller's number: their time and duration are what
   * invoices and evidences the service, a hold reported with its reason.
   */
  async erase(tx: EntityManager, forward: DsrForward, ctx: OperationContext): Promise<CallerErasure> {
    // The calls library's erasure: the same deletion and anonymising retention uses, and the same crypto-shredding as deliveries.
    const erased = await this.callerRecords.erase(tx, forward.clientId, this.recordIds(forward), ctx.now);
    const outcomes: RecordOutcome[] = erased.recordings.map((id) => ({
      kind: 'recording' as const,
      id,
      outcome: 'erased' as const,
      note: 'data key destroyed; the encrypted object is unreadable and removed from storage',
    }));
    outcomes.push(...erased.messages.map((id) => ({ kind: 'caller_message' as const, id, outcome: 'erased' as const })));
    const calls = erased.calls.map((id) => ({ id }));
    outcomes.push(
      ...calls.map((c) => ({
        kind: 'call' as const,
        id: c.id,
        outcome: 'anonymised' as const,
        hold: {
          basis: 'invoicing' as const,
          reason: "The call's time and duration are kept to invoice the client and evidence the service (seed 000); the caller's number was removed.",
          until: null,
        },
      })),
    );

    outcomes.push(...this.missing(forward, outcomes));
    for (const outcome of outcomes) await this.recordEvent(tx, forward, ctx, 'dsr.erase.record', outcome);
    return { outcomes, objectKeys: erased.objectKeys };
  }

  async rectify(tx: EntityManager, forward: DsrForward, values: Rectification, ctx: OperationContext): Promise<RecordOutcome[]> {
    const found = await this.callerRecords.rectify(tx, forward.clientId, this.recordIds(forward), {
      ...values,
      ...(values.email !== undefined ? { email: normalizeEmail(values.email) } : {}),
    });
    const outcomes: RecordOutcome[] = [
      ...found.messages.map((id) => ({ kind: 'caller_message' as const, id, outcome: found.messagesChanged ? ('rectified' as const) : ('unchanged' as const) })),
      ...found.calls.map((id) => ({ kind: 'call' as const, id, outcome: found.callsChanged ? ('rectified' as const) : ('unchanged' as const) })),
    ];
    for (const id of this.ids(forward, 'recording')) {
      outcomes.push({ kind: 'recording', id, outcome: 'unchanged', note: 'a recording is what was said; it cannot be corrected, only erased' });
    }
    for (const outcome of outcomes) await this.recordEvent(tx, forward, ctx, 'dsr.rectify.record', outcome);
    return outcomes;
  }

  async restrict(tx: EntityManager, forward: DsrForward, request: DataSubjectRequest, ctx: OperationContext): Promise<RecordOutcome[]> {
    const objection = request.type === 'objection';
    const purposes = objection ? (request.objectionPurposes?.length ? request.objectionPurposes : ['marketing' as const]) : RESTRICTION_PURPOSES;
    await this.restrictions.mark(
      tx,
      forward.matches.map((m) => ({ recordType: m.kind, recordId: m.id, clientId: forward.clientId })),
      purposes,
      objection ? 'objection' : 'restriction',
      request.id,
    );
    const outcomes = forward.matches.map((m) => ({ kind: m.kind, id: m.id, outcome: 'restricted' as const, note: `refused purposes: ${purposes.join(', ')}` }));
    for (const outcome of outcomes) await this.recordEvent(tx, forward, ctx, 'dsr.restrict.record', outcome);
    return outcomes;
  }

  /** The person's caller records at this client, for the client to answer an access or portability request. */
  async exportTables(tx: EntityManager, forward: DsrForward): Promise<ExportTable[]> {
    const { messages, calls, recordings } = await this.callerRecords.records(tx, forward.clientId, this.recordIds(forward));
    return [
      {
        name: 'caller_messages',
        columns: ['id', 'callId', 'createdAt', 'callerName', 'callerPhone', 'callerEmail', 'body', 'urgency', 'callbackRequested', 'customFields', 'deliveredAt'],
        rows: messages,
      },
      {
        name: 'calls',
        columns: ['id', 'callerNumber', 'startedAt', 'endedAt'],
        rows: calls,
      },
      {
        name: 'recordings',
        columns: ['id', 'callId', 'status', 'contentType', 'size', 'sha256', 'createdAt', 'deletedAt'],
        rows: recordings,
      },
    ];
  }

  private ids(forward: DsrForward, kind: RecordMatch['kind']): string[] {
    return forward.matches.filter((m) => m.kind === kind).map((m) => m.id);
  }

  private recordIds(forward: DsrForward): CallerRecordIds {
    return { callIds: this.ids(forward, 'call'), messageIds: this.ids(forward, 'caller_message'), recordingIds: this.ids(forward, 'recording') };
  }

  /** Matched records that are gone already (erased by retention, or by an earlier instruction). */
  private missing(forward: DsrForward, found: RecordOutcome[]): RecordOutcome[] {
    const seen = new Set(found.map((o) => `${o.kind}:${o.id}`));
    return forward.matches.filter((m) => !seen.has(`${m.kind}:${m.id}`)).map((m) => ({ kind: m.kind, id: m.id, outcome: 'not_found' as const }));
  }

  private recordEvent(tx: EntityManager, forward: DsrForward, ctx: OperationContext, action: string, outcome: RecordOutcome) {
    return this.audit.append(
      {
        actor: ctx.actor,
        clientId: forward.clientId,
        dataRole: 'processor',
        purpose: 'service_delivery',
        action,
        subject: { type: outcome.kind, id: outcome.id },
        outcome: 'success',
        details: { requestId: forward.requestId, forwardId: forward.id, result: outcome.outcome, hold: outcome.hold?.basis ?? null },
      },
      tx,
    );
  }
}
