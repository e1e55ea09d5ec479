import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { Purpose } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { DeliveriesService } from '#deliveries';
import type { CreatedDelivery } from '#deliveries';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '#errors';
import { NotificationsService } from '#notifications';
import { ObjectStorage } from '#storage';
import { addCalendarMonths, addDays, addHours, addWorkingDays } from '../rules/deadlines';
import { CallerDataOperations } from './caller-data-operations';
import { ControllerDataOperations } from './controller-data-operations';
import { DataSubjectRequest } from './data-subject-request.entity';
import { DsrForward } from './dsr-forward.entity';
import { inboxView, requestView } from './dsr-views';
import {
  CLIENT_INSTRUCTIONS,
  ClientInstruction,
  DsrSource,
  DsrType,
  OPEN_DSR_STATUSES,
  OperationReport,
  RecordMatch,
  Rectification,
  VerificationMethod,
} from './dsr.types';
import { exportArchive, ExportDataset } from './export-archive';
import { IdentitySearch } from './identity-search';
import { OperationContext, report } from './operation-context';

/** Seed 001: complaints and requests about caller data reach the client no more than 24 hours after receipt. */
export const FORWARD_WITHIN_HOURS = 24;
/** Seed 003 / ICO: an extension must be decided and notified within 28 days of receipt. */
export const EXTENSION_WINDOW_DAYS = 28;
export const MAX_EXTENSION_MONTHS = 2;
/** Seed 004: personal data is updated within ten working days. */
export const RECTIFICATION_WORKING_DAYS = 10;

export interface NewDsr {
  type: DsrType;
  source?: DsrSource;
  subject: { name?: string; email?: string; phone?: string };
  details?: string;
  rectification?: Rectification;
  objectionPurposes?: Purpose[];
  verificationMethod?: VerificationMethod;
  /** When the operator received it (defaults to now); the deadlines run from here. */
  receivedAt?: Date;
}

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

export interface DsrExport {
  filename: string;
  dataset: ExportDataset;
  stream(): Readable;
}

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const isClientUser = (p: Principal): p is UserPrincipal & { clientId: string } => p.kind === 'user' && p.role === 'client' && !!p.clientId;
const minReason = (text: string | undefined, what: string): string => {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length < 10) throw new InvalidInputError(`${what} must say why, in at least 10 characters`, 'reason_required');
  return trimmed;
};

/**
 * Data subject requests (D7–D10, D15). The DPO works the operator's own records; requests about
 * caller data are forwarded to each client that controls them, which answers with an instruction
 * that this service carries out and reports back. Deadlines come from the injected clock.
 */
@Injectable()
export class DsrService {
  private readonly logger = new Logger(DsrService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly search: IdentitySearch,
    private readonly controllerData: ControllerDataOperations,
    private readonly callerData: CallerDataOperations,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly storage: ObjectStorage,
    private readonly deliveries: DeliveriesService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** Due one calendar month after receipt; rectification within 10 working days. */
  static dueDate(type: DsrType, receivedAt: Date): Date {
    return type === 'rectification' ? addWorkingDays(receivedAt, RECTIFICATION_WORKING_DAYS) : addCalendarMonths(receivedAt, 1);
  }

  /** Records the request, finds the person's records, and forwards caller records to each owning client. */
  async create(principal: Principal, input: NewDsr) {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime() + 60_000) throw new InvalidInputError('receivedAt cannot be in the future');
    const subject = {
      name: input.subject.name?.trim() || null,
      email: input.subject.email?.trim() || null,
      phone: input.subject.phone?.trim() || null,
    };
    if (!subject.name && !subject.email && !subject.phone) throw new InvalidInputError('subject needs at least a name, an e-mail address or a phone number');
    if (input.type === 'rectification' && !this.hasValues(input.rectification)) {
      throw new InvalidInputError('a rectification request needs the corrected values (rectification.name, .email or .phone)');
    }
    if (input.objectionPurposes?.length && input.type !== 'objection') throw new InvalidInputError('objectionPurposes applies to objection requests only');

    const actor = actorOf(principal);
    const id = await this.dataSource.transaction(async (tx) => {
      const originalDueAt = DsrService.dueDate(input.type, receivedAt);
      const verificationMethod = input.verificationMethod ?? 'not_verified';
      const request = await tx.save(
        tx.create(DataSubjectRequest, {
          type: input.type,
          source: input.source ?? 'data_subject',
          subjectName: subject.name,
          subjectEmail: subject.email,
          subjectPhone: subject.phone,
          details: input.details?.trim() || null,
          rectification: this.hasValues(input.rectification) ? input.rectification! : null,
          objectionPurposes: input.type === 'objection' ? (input.objectionPurposes?.length ? input.objectionPurposes : ['marketing']) : null,
          verificationMethod,
          verifiedAt: verificationMethod === 'not_verified' ? null : now,
          receivedAt,
          originalDueAt,
          dueAt: originalDueAt,
          createdBy: principal.id,
        }),
      );
      await this.audit.append(
        {
          actor,
          dataRole: 'controller',
          purpose: 'legal_obligation',
          action: 'dsr.create',
          subject: { type: 'data_subject_request', id: request.id },
          outcome: 'success',
          details: { type: request.type, source: request.source, dueAt: request.dueAt.toISOString() },
        },
        tx,
      );

      request.controllerMatches = await this.search.controllerMatches(tx, subject);
      await tx.update(DataSubjectRequest, { id: request.id }, { controllerMatches: request.controllerMatches });

      // Finding caller records means looking across clients on purpose; each client then sees only its own.
      const byClient = await this.scope.runAcrossClients('data_subject_search', (scoped) => this.search.callerMatchesByClient(scoped, subject), tx);
      await this.audit.append(
        {
          actor,
          dataRole: 'controller',
          purpose: 'legal_obligation',
          action: 'dsr.search',
          subject: { type: 'data_subject_request', id: request.id },
          outcome: 'success',
          details: { controllerRecords: request.controllerMatches.length, clientsWithCallerRecords: byClient.size },
        },
        tx,
      );
      const forwardedDueAt = addHours(receivedAt, FORWARD_WITHIN_HOURS);
      for (const [clientId, matches] of [...byClient].sort(([a], [b]) => a.localeCompare(b))) {
        const forward = await this.scope.run(
          clientId,
          (scoped) => scoped.save(scoped.create(DsrForward, { requestId: request.id, clientId, matches, forwardedAt: now, forwardedDueAt })),
          tx,
        );
        await this.audit.append(
          {
            actor,
            clientId,
            dataRole: 'processor',
            purpose: 'legal_obligation',
            action: 'dsr.forward',
            subject: { type: 'dsr_forward', id: forward.id },
            outcome: 'success',
            details: { requestId: request.id, records: matches.length, late: now.getTime() > forwardedDueAt.getTime() },
          },
          tx,
        );
        // The client is told, and reminded before the request's deadline, through its notices.
        await this.notifications.requestForwarded(tx, { clientId, forwardId: forward.id, deadline: request.dueAt });
      }
      await this.notifications.trackDeadline(tx, { audience: 'dpo', clientId: null, subjectType: 'data_subject_request', subjectId: request.id, label: 'response', deadline: request.dueAt });
      return request.id;
    });
    return this.get(principal, id, false);
  }

  /** Open requests, overdue first (then by due date). A client user sees only requests forwarded to its client. */
  async list(principal: Principal, status: 'open' | 'closed' | 'all' = 'open') {
    const now = this.clock.now();
    if (isClientUser(principal)) {
      const clientId = principal.clientId;
      const forwards = await this.scope.run(clientId, (tx) =>
        tx.find(DsrForward, {
          where: { clientId, ...(status === 'open' ? { status: In(['awaiting_client', 'answered']) } : status === 'closed' ? { status: 'closed' } : {}) },
          relations: { request: true },
        }),
      );
      const views = forwards.map((f) => inboxView(f.request!, f, now)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      await this.recordRead(principal, 'dsr.list', null, { results: views.length }, clientId);
      return views;
    }
    const statuses = status === 'open' ? [...OPEN_DSR_STATUSES] : status === 'closed' ? ['completed', 'refused'] : undefined;
    const requests = await this.dataSource.getRepository(DataSubjectRequest).find({
      where: statuses ? { status: In(statuses) } : {},
      order: { dueAt: 'ASC', receivedAt: 'ASC' },
    });
    const forwards = await this.forwardsOf(requests.map((r) => r.id));
    const views = requests.map((r) => requestView(r, forwards.filter((f) => f.requestId === r.id), now));
    // Overdue first, then soonest due; dueAt order already does this for open requests.
    views.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.getTime() - b.dueAt.getTime());
    await this.recordRead(principal, 'dsr.list', null, { results: views.length });
    return views;
  }

  async get(principal: Principal, id: string, audited = true) {
    const now = this.clock.now();
    if (isClientUser(principal)) {
      const { request, forward } = await this.forwardFor(principal.clientId, id);
      if (audited) await this.recordRead(principal, 'dsr.read', id, {}, principal.clientId);
      return inboxView(request, forward, now);
    }
    const request = await this.requestOrFail(this.dataSource.manager, id);
    if (audited) await this.recordRead(principal, 'dsr.read', id, {});
    return requestView(request, await this.forwardsOf([id]), now);
  }

  async act(principal: Principal, id: string, action: DsrAction) {
    if (isClientUser(principal)) return this.instruct(principal, id, action);
    if (principal.kind !== 'user' || principal.role !== 'dpo') throw new ForbiddenError('Only the DPO works data subject requests');
    if (!(DPO_ACTIONS as readonly string[]).includes(action.action)) {
      throw new InvalidInputError(`action ${action.action} is the controlling client's instruction; the DPO may: ${DPO_ACTIONS.join(', ')}`);
    }
    const ctx: OperationContext = { now: this.clock.now(), actor: actorOf(principal) };
    await this.dataSource.transaction(async (tx) => {
      const request = await this.requestOrFail(tx, id, true);
      if (!OPEN_DSR_STATUSES.includes(request.status)) throw new ConflictError(`The request is ${request.status}; nothing more can be done to it`, 'request_closed');
      const details = await this.applyDpoAction(tx, request, action as DsrAction & { action: DpoAction }, ctx);
      await tx.save(request);
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
    return this.get(principal, id, false);
  }

  private async applyDpoAction(
    tx: EntityManager,
    request: DataSubjectRequest,
    action: DsrAction & { action: DpoAction },
    ctx: OperationContext,
  ): Promise<Record<string, string | number | boolean>> {
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
        const values = this.hasValues(action.rectification) ? action.rectification! : request.rectification;
        if (!this.hasValues(values)) throw new InvalidInputError('rectification values are missing');
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

  private assertOperation(request: DataSubjectRequest, types: DsrType | DsrType[], action: string): void {
    const allowed = Array.isArray(types) ? types : [types];
    if (!allowed.includes(request.type)) throw new ConflictError(`${action} does not apply to a ${request.type} request`, 'wrong_request_type');
    if (request.verificationMethod === 'not_verified') {
      throw new ConflictError("Verify the requester's identity (action verify_identity) before changing or disclosing anything", 'identity_not_verified');
    }
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

  /** A client's answer about its own caller records: carried out now, reported back on the forward. */
  private async instruct(principal: UserPrincipal & { clientId: string }, id: string, action: DsrAction) {
    const instruction = action.action as ClientInstruction;
    if (!(CLIENT_INSTRUCTIONS as readonly string[]).includes(instruction)) {
      throw new InvalidInputError(`a client answers with one of: ${CLIENT_INSTRUCTIONS.join(', ')}`);
    }
    const clientId = principal.clientId;
    const ctx: OperationContext = { now: this.clock.now(), actor: actorOf(principal) };
    const reason = instruction === 'refuse' ? minReason(action.reason, 'A refusal') : undefined;
    const { request: found } = await this.forwardFor(clientId, id);
    if (instruction === 'rectify' && !this.hasValues(action.rectification) && !this.hasValues(found.rectification)) {
      throw new InvalidInputError('rectification values are missing');
    }
    await this.policy.authorize(principal, {
      action: `dsr.instruction.${instruction}`,
      clientId,
      dataRole: 'processor',
      purpose: 'service_delivery',
      content: instruction !== 'refuse',
      subject: { type: 'data_subject_request', id },
    });
    const { objectKeys, forwardId, matches } = await this.scope.run(clientId, async (tx) => {
      const forward = await tx.findOne(DsrForward, { where: { requestId: id, clientId }, lock: { mode: 'pessimistic_write' } });
      if (!forward) throw new NotFoundError('Data subject request');
      if (forward.status === 'closed') throw new ConflictError(`This request was closed by an earlier ${forward.lastInstruction} instruction`, 'forward_closed');
      let op: OperationReport;
      let keys: string[] = [];
      switch (instruction) {
        case 'erase': {
          const erasure = await this.callerData.erase(tx, forward, ctx);
          keys = erasure.objectKeys;
          op = report('erase', ctx, erasure.outcomes);
          break;
        }
        case 'rectify': {
          const values = this.hasValues(action.rectification) ? action.rectification! : found.rectification!;
          op = report('rectify', ctx, await this.callerData.rectify(tx, forward, values, ctx));
          break;
        }
        case 'restrict':
          op = report('restrict', ctx, await this.callerData.restrict(tx, forward, found, ctx));
          break;
        case 'export':
          op = report('export', ctx, forward.matches.map((m) => ({ kind: m.kind, id: m.id, outcome: 'exported' as const })));
          break;
        case 'refuse':
          op = report('refuse', ctx, [], reason);
          break;
      }
      forward.reports = [...forward.reports, op];
      forward.lastInstruction = instruction;
      forward.answeredAt ??= ctx.now;
      forward.status = instruction === 'erase' || instruction === 'refuse' ? 'closed' : 'answered';
      await tx.save(forward);
      await this.notifications.closeDeadlines(tx, 'dsr_forward', forward.id);
      await this.audit.append(
        {
          actor: ctx.actor,
          clientId,
          dataRole: 'processor',
          purpose: 'service_delivery',
          action: 'dsr.instruction',
          subject: { type: 'dsr_forward', id: forward.id },
          outcome: 'success',
          details: { requestId: id, instruction, records: op.records.length, kept: op.records.filter((r) => r.hold).length },
        },
        tx,
      );
      return { objectKeys: keys, forwardId: forward.id, matches: forward.matches };
    });
    await this.removeObjects(objectKeys);
    const delivery = instruction === 'export' ? await this.deliverExport(principal, id, forwardId, matches) : undefined;
    return { ...(await this.get(principal, id, false)), ...(delivery !== undefined ? { delivery } : {}) };
  }

  /**
   * Hands the person's messages and stored recordings to the one-time delivery mechanism, so the client
   * receives them (audio included) the way it receives everything else; the password is in this answer
   * only. Like any delivery, recordings are deleted once downloaded. The JSON/CSV export stays at
   * GET /dsr/:id/export. Null when nothing deliverable is left (erased, or recordings already delivered).
   */
  private async deliverExport(principal: UserPrincipal & { clientId: string }, requestId: string, forwardId: string, matches: RecordMatch[]): Promise<CreatedDelivery | null> {
    const clientId = principal.clientId;
    const ids = (kind: RecordMatch['kind']) => matches.filter((m) => m.kind === kind).map((m) => m.id);
    const deliverable = await this.scope.run(clientId, async (tx) => ({
      messageIds: (await tx.query(`SELECT id FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, ids('caller_message')])).map((r: { id: string }) => r.id),
      recordingIds: (await tx.query(`SELECT id FROM recordings WHERE client_id = $1 AND id = ANY($2::uuid[]) AND status = 'stored'`, [clientId, ids('recording')])).map(
        (r: { id: string }) => r.id,
      ),
    }));
    if (!deliverable.messageIds.length && !deliverable.recordingIds.length) return null;
    let delivery: CreatedDelivery;
    try {
      delivery = await this.deliveries.create(principal, deliverable);
    } catch (error) {
      // The instruction stands; the JSON/CSV export remains. Say why, with codes only.
      if (error instanceof DomainError) this.logger.warn(`export delivery for request ${requestId} not created: ${error.code}`);
      else throw error;
      return null;
    }
    await this.scope.run(clientId, async (tx) => {
      const forward = await tx.findOneOrFail(DsrForward, { where: { id: forwardId, clientId }, lock: { mode: 'pessimistic_write' } });
      const last = forward.reports[forward.reports.length - 1];
      forward.reports = [...forward.reports.slice(0, -1), { ...last, deliveryId: delivery.id }];
      await tx.save(forward);
      await this.audit.append(
        {
          actor: actorOf(principal),
          clientId,
          dataRole: 'processor',
          purpose: 'service_delivery',
          action: 'dsr.export.delivery',
          subject: { type: 'dsr_forward', id: forwardId },
          outcome: 'success',
          details: { requestId, deliveryId: delivery.id, messages: delivery.messageCount, recordings: delivery.recordingCount },
        },
        tx,
      );
    });
    return delivery;
  }

  /**
   * The export as a machine-readable archive: for the DPO, the operator's records of an access or
   * portability request; for a client that instructed an export, its own caller records of the person.
   */
  async export(principal: Principal, id: string): Promise<DsrExport> {
    const now = this.clock.now();
    const actor = actorOf(principal);
    let dataset: ExportDataset;
    if (isClientUser(principal)) {
      const clientId = principal.clientId;
      const { forward } = await this.forwardFor(clientId, id);
      if (!forward.reports.some((r) => r.operation === 'export')) throw new ConflictError('Instruct an export first (action export)', 'export_not_instructed');
      await this.policy.authorize(principal, {
        action: 'dsr.export',
        clientId,
        dataRole: 'processor',
        purpose: 'service_delivery',
        content: true,
        subject: { type: 'data_subject_request', id },
      });
      dataset = await this.scope.run(clientId, async (tx) => {
        const tables = await this.callerData.exportTables(tx, forward);
        const built = this.dataset(id, { dataRole: 'processor', clientId }, now, tables, [
          'Caller records this client controls that match the identifiers in the request.',
          'Recordings are listed as metadata; their audio is delivered through a one-time delivery of these recording ids.',
        ]);
        await this.recordExport(tx, actor, id, built, clientId);
        return built;
      });
    } else {
      dataset = await this.dataSource.transaction(async (tx) => {
        const request = await this.requestOrFail(tx, id, true);
        this.assertOperation(request, ['access', 'portability'], 'An export');
        const built = this.dataset(id, { dataRole: 'controller' }, now, await this.controllerData.exportTables(tx, request), [
          'Records the operator holds as controller that match the identifiers in the request.',
          'Caller records are held for client businesses, which control them; the request was forwarded to each (see the request).',
        ]);
        request.exportedAt ??= now;
        if (request.status === 'received') request.status = 'in_progress';
        await tx.save(request);
        await this.recordExport(tx, actor, id, built, null);
        return built;
      });
    }
    return { filename: `dsr-${id}.zip`, dataset, stream: () => exportArchive(dataset) };
  }

  private dataset(requestId: string, scope: ExportDataset['scope'], now: Date, tables: ExportDataset['tables'], notes: string[]): ExportDataset {
    return { format: 'callvault-dsr-export/1', requestId, scope, generatedAt: now.toISOString(), tables, notes };
  }

  private recordExport(tx: EntityManager, actor: ReturnType<typeof actorOf>, id: string, dataset: ExportDataset, clientId: string | null) {
    return this.audit.append(
      {
        actor,
        clientId,
        dataRole: clientId ? 'processor' : 'controller',
        purpose: clientId ? 'service_delivery' : 'legal_obligation',
        action: 'dsr.export',
        subject: { type: 'data_subject_request', id },
        outcome: 'success',
        details: { records: dataset.tables.reduce((n, t) => n + t.rows.length, 0) },
      },
      tx,
    );
  }

  /** Data keys are destroyed in the transaction; the objects go now, or with the recordings sweep if storage is down. */
  private async removeObjects(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'object of an erased recording not removed now; the recordings sweep removes it');
      });
    }
  }

  private async forwardFor(clientId: string, requestId: string): Promise<{ request: DataSubjectRequest; forward: DsrForward }> {
    const forward = await this.scope.run(clientId, (tx) => tx.findOne(DsrForward, { where: { requestId, clientId }, relations: { request: true } }));
    // A request not forwarded to this client looks exactly like one that does not exist.
    if (!forward?.request) throw new NotFoundError('Data subject request');
    return { request: forward.request, forward };
  }

  private forwardsOf(requestIds: string[]): Promise<DsrForward[]> {
    if (!requestIds.length) return Promise.resolve([]);
    return this.scope.runAcrossClients('data_subject_search', (tx) =>
      tx.find(DsrForward, { where: { requestId: In(requestIds) }, order: { clientId: 'ASC' } }),
    );
  }

  private async requestOrFail(manager: EntityManager, id: string, lock = false): Promise<DataSubjectRequest> {
    const request = await manager.findOne(DataSubjectRequest, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!request) throw new NotFoundError('Data subject request');
    return request;
  }

  private hasValues(values: Rectification | null | undefined): boolean {
    return !!values && [values.name, values.email, values.phone].some((v) => typeof v === 'string' && v.trim().length > 0);
  }

  private recordRead(principal: Principal, action: string, id: string | null, details: Record<string, number>, clientId: string | null = null) {
    return this.audit.append({
      actor: actorOf(principal),
      clientId,
      dataRole: 'controller',
      purpose: 'legal_obligation',
      action,
      subject: id ? { type: 'data_subject_request', id } : undefined,
      outcome: 'success',
      details,
    });
  }
}
