import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { ConflictError, InvalidInputError } from '../errors';
import { NotificationsService } from '#notifications';
import { addCalendarMonths, addDays } from '../rules/deadlines';
import { ControllerDataOperations } from './controller-data-operations';
import { DataSubjectRequest } from './data-subject-request.entity';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { DsrReads } from './dsr-reads';
import { EXTENSION_WINDOW_DAYS, hasValues, MAX_EXTENSION_MONTHS, minReason } from './dsr-rules';
import { CLIENT_INSTRUCTIONS, ClientInstruction, DsrType, OPEN_DSR_STATUSES, OperationReport, Rectification, VerificationMethod } from './dsr.types';
import { OperationContext, report } from './operation-context';

export const DPO_ACTIONS = ['verify_identity', 'start', 'extend', 'erase', 'rectify', 'restrict', 'complete', 'refuse'] as const;
export type DpoAction = (typeof DPO_ACTIONS)[number];
export const DSR_ACTIONS = [...new Set([...DPO_ACTIONS, ...CLIENT_INSTRUCTIONS])] as const;
export type DsrActionName = DpoAction | ClientInstruction;

export interface DsrAction {
  action: DsrActionName;
  reason?: string;
  note?: string;
  months?: number;
  method?: VerificationMethod;
  rectification?: Rectification;
}

/**
 * The DPO's work on a request (D8–D10): verify the requester, extend within the window, carry out
 * the operation on the operator's own records, complete or refuse. Each action is one transaction,
 * audited, with the request's deadline reminders kept in step.
 */
@Injectable()
export class DpoWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: DataSubjectRequestsRepository,
    private readonly reads: DsrReads,
    private readonly controllerData: ControllerDataOperations,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async act(principal: Principal, id: string, action: DsrAction & { action: DpoAction }): Promise<void> {
    const ctx: OperationContext = { now: this.clock.now(), actor: actorOf(principal) };
    await this.dataSource.transaction(async (tx) => {
      const request = await this.reads.requestOrFail(tx, id, true);
      if (!OPEN_DSR_STATUSES.includes(request.status)) throw new ConflictError(`The request is ${request.status}; nothing more can be done to it`, 'request_closed');
      const details = await this.apply(tx, request, action, ctx);
      await this.requests.save(tx, request);
      if (OPEN_DSR_STATUSES.includes(request.status)) {
        await this.notifications.trackDeadline(tx, { audience: 'dpo', clientId: null, subjectType: 'data_subject_request', subjectId: id, label: 'response', deadline: request.dueAt });
      } else {
        await this.notifications.closeDeadlines(tx, 'data_subject_request', id);
      }
      await this.audit.append(
        {
          actor: ctx.actor,
          dataRole: 'controller',
          purpose: 'legal_obligation',
          action: `dsr.${action.action}`,
          subject: { type: 'data_subject_request', id },
          outcome: 'success',
          details: { status: request.status, ...details },
        },
        tx,
      );
    });
  }

  /** An export or an operation applies only to its kind of request, and only once the requester's identity is verified. */
  assertOperation(request: DataSubjectRequest, types: DsrType | DsrType[], action: string): void {
    const allowed = Array.isArray(types) ? types : [types];
    if (!allowed.includes(request.type)) throw new ConflictError(`${action} does not apply to a ${request.type} request`, 'wrong_request_type');
    if (request.verificationMethod === 'not_verified') {
      throw new ConflictError("Verify the requester's identity (action verify_identity) before changing or disclosing anything", 'identity_not_verified');
    }
  }

  private async apply(tx: EntityManager, request: DataSubjectRequest, action: DsrAction & { action: DpoAction }, ctx: OperationContext): Promise<Record<string, string | number | boolean>> {
    const operation = (op: OperationReport) => {
      request.reports = [...request.reports, op];
      if (request.status === 'received') request.status = 'in_progress';
      return { records: op.records.length, kept: op.records.filter((r) => r.hold).length };
    };
    switch (action.action) {
      case 'verify_identity': {
        if (!action.method || action.method === 'not_verified') throw new InvalidInputError('method must name how the identity was verified');
        request.verificationMethod = action.method;
        request.verifiedAt = ctx.now;
        if (request.status === 'received') request.status = 'in_progress';
        return { method: action.method };
      }
      case 'start':
        request.status = 'in_progress';
        return {};
      case 'extend':
        return this.extend(request, action, ctx.now);
      case 'erase':
        this.assertOperation(request, 'erasure', 'erase');
        return operation(report('erase', ctx, await this.controllerData.erase(tx, request, ctx)));
      case 'rectify': {
        this.assertOperation(request, 'rectification', 'rectify');
        const values = hasValues(action.rectification) ? action.rectification! : request.rectification;
        if (!hasValues(values)) throw new InvalidInputError('rectification values are missing');
        return operation(report('rectify', ctx, await this.controllerData.rectify(tx, request, values!, ctx)));
      }
      case 'restrict':
        this.assertOperation(request, ['restriction', 'objection'], 'restrict');
        return operation(report('restrict', ctx, await this.controllerData.restrict(tx, request, ctx)));
      case 'complete': {
        this.assertCompletable(request, action.note);
        request.status = 'completed';
        request.closedAt = ctx.now;
        request.outcomeNote = action.note?.trim() || null;
        return { late: ctx.now.getTime() > request.dueAt.getTime() };
      }
      case 'refuse':
        request.outcomeNote = minReason(action.reason, 'A refusal');
        request.status = 'refused';
        request.closedAt = ctx.now;
        return { late: ctx.now.getTime() > request.dueAt.getTime() };
    }
  }

  /** Up to two further months, recorded with the reason, and only within 28 days of receipt (D8). */
  private extend(request: DataSubjectRequest, action: DsrAction, now: Date) {
    const windowEnds = addDays(request.receivedAt, EXTENSION_WINDOW_DAYS);
    if (now.getTime() >= windowEnds.getTime()) {
      throw new ConflictError(
        `An extension must be decided within ${EXTENSION_WINDOW_DAYS} days of receipt; that window closed at ${windowEnds.toISOString()}`,
        'extension_window_closed',
      );
    }
    const months = action.months ?? 0;
    if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) throw new InvalidInputError(`months must be 1 or ${MAX_EXTENSION_MONTHS}`);
    if (request.extendedMonths + months > MAX_EXTENSION_MONTHS) {
      throw new ConflictError(`A request may be extended by ${MAX_EXTENSION_MONTHS} further months at most; ${request.extendedMonths} already used`, 'extension_limit');
    }
    const reason = minReason(action.reason, 'An extension');
    request.extendedMonths += months;
    request.extensionReason = request.extensionReason ? `${request.extensionReason}\n${reason}` : reason;
    request.extendedAt = now;
    request.dueAt = addCalendarMonths(request.originalDueAt, request.extendedMonths);
    if (request.status === 'received') request.status = 'in_progress';
    return { months, dueAt: request.dueAt.toISOString() };
  }

  /** A request is complete only once its operation was carried out on every operator record found. */
  private assertCompletable(request: DataSubjectRequest, note: string | undefined): void {
    const done = (op: OperationReport['operation']) => request.reports.some((r) => r.operation === op);
    const nothingHeld = request.controllerMatches.length === 0;
    const missing: Record<DsrType, string | null> = {
      access: nothingHeld || request.exportedAt ? null : 'download the export first (GET /dsr/:id/export)',
      portability: nothingHeld || request.exportedAt ? null : 'download the export first (GET /dsr/:id/export)',
      erasure: nothingHeld || done('erase') ? null : 'carry out the erasure first (action erase)',
      rectification: nothingHeld || done('rectify') ? null : 'carry out the rectification first (action rectify)',
      restriction: nothingHeld || done('restrict') ? null : 'mark the records first (action restrict)',
      objection: nothingHeld || done('restrict') ? null : 'mark the records first (action restrict)',
      human_review: note?.trim() ? null : 'record the outcome of the human review in note',
    };
    const problem = missing[request.type];
    if (problem) throw new ConflictError(`The request cannot be completed yet: ${problem}`, 'operation_pending');
  }
}
