import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '#audit';
import { Call, CallerDataErasure, CallerMessage, Recording } from '#calls';
import { KeyStore } from '#crypto';
import { UsageLedger } from '#usage';
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
    private readonly keys: KeyStore,
    private readonly restrictions: ProcessingRestrictions,
    private readonly erasure: CallerDataErasure,
    private readonly ledger: UsageLedger,
  ) {}

  /**
   * Recordings are crypto-shredded (their data key destroyed, so every copy is unreadable at once),
   * messages deleted, and calls kept without the caller's number: their time and duration are what
   * invoices and evidences the service, a hold reported with its reason.
   */
  async erase(tx: EntityManager, forward: DsrForward, ctx: OperationContext): Promise<CallerErasure> {
    const clientId = forward.clientId;
    const outcomes: RecordOutcome[] = [];
    const objectKeys: string[] = [];

    const recordings = await tx.find(Recording, { where: { clientId, id: In(this.ids(forward, 'recording')) } });
    for (const recording of recordings) {
      if (recording.status !== 'deleted') {
        if (recording.dataKeyId) await this.keys.destroyDataKey(clientId, recording.dataKeyId, tx);
        await tx.update(Recording, { id: recording.id, clientId }, { status: 'deleted', deletedAt: ctx.now, dataKeyId: null });
        await this.ledger.record(tx, [{ clientId, kind: 'recording_deleted', occurredAt: ctx.now, sourceId: recording.id }]);
        objectKeys.push(recording.storageKey);
      }
      outcomes.push({ kind: 'recording', id: recording.id, outcome: 'erased', note: 'data key destroyed; the encrypted object is unreadable and removed from storage' });
    }

    // The calls library's erasure: the same deletion and anonymising retention uses.
    const messages = (await this.erasure.deleteMessages(tx, clientId, this.ids(forward, 'caller_message'))).map((id) => ({ id }));
    outcomes.push(...messages.map((m) => ({ kind: 'caller_message' as const, id: m.id, outcome: 'erased' as const })));

    const calls = await tx.find(Call, { where: { clientId, id: In(this.ids(forward, 'call')) }, select: { id: true } });
    await this.erasure.anonymiseCalls(tx, clientId, calls.map((c) => c.id));
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
    return { outcomes, objectKeys };
  }

  async rectify(tx: EntityManager, forward: DsrForward, values: Rectification, ctx: OperationContext): Promise<RecordOutcome[]> {
    const clientId = forward.clientId;
    const outcomes: RecordOutcome[] = [];
    const messageChanges = {
      ...(values.name !== undefined ? { callerName: values.name } : {}),
      ...(values.phone !== undefined ? { callerPhone: values.phone } : {}),
      ...(values.email !== undefined ? { callerEmail: normalizeEmail(values.email) } : {}),
    };
    const messages = await tx.find(CallerMessage, { where: { clientId, id: In(this.ids(forward, 'caller_message')) }, select: { id: true } });
    if (messages.length && Object.keys(messageChanges).length) await tx.update(CallerMessage, { clientId, id: In(messages.map((m) => m.id)) }, messageChanges);
    outcomes.push(...messages.map((m) => ({ kind: 'caller_message' as const, id: m.id, outcome: Object.keys(messageChanges).length ? ('rectified' as const) : ('unchanged' as const) })));

    const calls = await tx.find(Call, { where: { clientId, id: In(this.ids(forward, 'call')) }, select: { id: true } });
    if (calls.length && values.phone !== undefined) await tx.update(Call, { clientId, id: In(calls.map((c) => c.id)) }, { callerNumber: values.phone });
    outcomes.push(...calls.map((c) => ({ kind: 'call' as const, id: c.id, outcome: values.phone !== undefined ? ('rectified' as const) : ('unchanged' as const) })));

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
    const clientId = forward.clientId;
    const messages = await tx.find(CallerMessage, { where: { clientId, id: In(this.ids(forward, 'caller_message')) }, order: { createdAt: 'ASC' } });
    const calls = await tx.find(Call, { where: { clientId, id: In(this.ids(forward, 'call')) }, order: { startedAt: 'ASC' } });
    const recordings = await tx.find(Recording, { where: { clientId, id: In(this.ids(forward, 'recording')) }, order: { createdAt: 'ASC' } });
    return [
      {
        name: 'caller_messages',
        columns: ['id', 'callId', 'createdAt', 'callerName', 'callerPhone', 'callerEmail', 'body', 'urgency', 'callbackRequested', 'customFields', 'deliveredAt'],
        rows: messages.map((m) => ({
          id: m.id,
          callId: m.callId,
          createdAt: m.createdAt,
          callerName: m.callerName,
          callerPhone: m.callerPhone,
          callerEmail: m.callerEmail,
          body: m.body,
          urgency: m.urgency,
          callbackRequested: m.callbackRequested,
          customFields: m.customFields,
          deliveredAt: m.deliveredAt,
        })),
      },
      {
        name: 'calls',
        columns: ['id', 'callerNumber', 'startedAt', 'endedAt'],
        rows: calls.map((c) => ({ id: c.id, callerNumber: c.callerNumber, startedAt: c.startedAt, endedAt: c.endedAt })),
      },
      {
        name: 'recordings',
        columns: ['id', 'callId', 'status', 'contentType', 'size', 'sha256', 'createdAt', 'deletedAt'],
        rows: recordings.map((r) => ({
          id: r.id,
          callId: r.callId,
          status: r.status,
          contentType: r.contentType,
          size: r.size,
          sha256: r.sha256,
          createdAt: r.createdAt,
          deletedAt: r.deletedAt,
        })),
      },
    ];
  }

  private ids(forward: DsrForward, kind: RecordMatch['kind']): string[] {
    return forward.matches.filter((m) => m.kind === kind).map((m) => m.id);
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
