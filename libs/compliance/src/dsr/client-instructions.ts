import { Injectable, Logger } from '@nestjs/common';
import { AccessPolicy, actorOf } from '#access';
import { CallerDataSubjects, CallerMessage } from '#calls';
import { Clock } from '#clock';
import { AuditService } from '#audit';
import { TenantScope } from '#database';
import { DeliveriesService } from '#deliveries';
import type { CreatedDelivery } from '#deliveries';
import { DomainError, NotFoundError } from '#errors';
import { ConflictError, InvalidInputError } from '../errors';
import { NotificationsService } from '#notifications';
import { ObjectStorage } from '#storage';
import { CallerDataOperations } from './caller-data-operations';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import type { DsrAction } from './dpo-workflow';
import { DsrReads } from './dsr-reads';
import { ClientUser, hasValues, minReason } from './dsr-rules';
import { CLIENT_INSTRUCTIONS, ClientInstruction, OperationReport, RecordMatch } from './dsr.types';
import { OperationContext, report } from './operation-context';

/**
 * A client's answer about its own caller records (GDPR art. 28(3)(e)): carried out now by the
 * processor, in the client's tenant scope, and reported back on the forward. An erasure's stored
 * objects go after the commit; an export is also handed to a one-time delivery, audio included.
 */
@Injectable()
export class ClientInstructions {
  private readonly logger = new Logger(ClientInstructions.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly requests: DataSubjectRequestsRepository,
    private readonly reads: DsrReads,
    private readonly callerData: CallerDataOperations,
    private readonly callerRecords: CallerDataSubjects,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly storage: ObjectStorage,
    private readonly deliveries: DeliveriesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The export's delivery when one was created (null when nothing deliverable is left); undefined for other instructions. */
  async instruct(principal: ClientUser, id: string, action: DsrAction): Promise<CreatedDelivery | null | undefined> {
    const instruction = action.action as ClientInstruction;
    if (!(CLIENT_INSTRUCTIONS as readonly string[]).includes(instruction)) {
      throw new InvalidInputError(`a client answers with one of: ${CLIENT_INSTRUCTIONS.join(', ')}`);
    }
    const clientId = principal.clientId;
    const ctx: OperationContext = { now: this.clock.now(), actor: actorOf(principal) };
    const reason = instruction === 'refuse' ? minReason(action.reason, 'A refusal') : undefined;
    const { request: found } = await this.reads.forwardFor(clientId, id);
    if (instruction === 'rectify' && !hasValues(action.rectification) && !hasValues(found.rectification)) {
      throw new InvalidInputError('rectification values are missing');
    }
    await this.policy.authorize(principal, {
      action: `dsr.instruction.${instruction}`,
      clientId,
      data: CallerMessage,
      purpose: 'service_delivery',
      content: instruction !== 'refuse',
      subject: { type: 'data_subject_request', id },
    });
    const { objectKeys, forwardId, matches } = await this.scope.run(clientId, async (tx) => {
      const forward = await this.requests.lockForward(tx, clientId, { requestId: id });
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
          const values = hasValues(action.rectification) ? action.rectification! : found.rectification!;
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
      await this.requests.saveForward(tx, forward);
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
    return instruction === 'export' ? this.deliverExport(principal, id, forwardId, matches) : undefined;
  }

  /**
   * Hands the person's messages and stored recordings to the one-time delivery mechanism, so the client
   * receives them (audio included) the way it receives everything else; the password is in this answer
   * only. Like any delivery, recordings are deleted once downloaded. The JSON/CSV export stays at
   * GET /dsr/:id/export. Null when nothing deliverable is left (erased, or recordings already delivered).
   */
  private async deliverExport(principal: ClientUser, requestId: string, forwardId: string, matches: RecordMatch[]): Promise<CreatedDelivery | null> {
    const clientId = principal.clientId;
    const ids = (kind: RecordMatch['kind']) => matches.filter((m) => m.kind === kind).map((m) => m.id);
    const deliverable = await this.scope.run(clientId, (tx) => this.callerRecords.deliverable(tx, clientId, { messageIds: ids('caller_message'), recordingIds: ids('recording') }));
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
      const forward = await this.requests.lockForward(tx, clientId, { id: forwardId });
      if (!forward) throw new NotFoundError('Data subject request');
      const last = forward.reports[forward.reports.length - 1];
      forward.reports = [...forward.reports.slice(0, -1), { ...last, deliveryId: delivery.id }];
      await this.requests.saveForward(tx, forward);
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

  /** Data keys are destroyed in the transaction; the objects go now, or with the recordings sweep if storage is down. */
  private async removeObjects(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'object of an erased recording not removed now; the recordings sweep removes it');
      });
    }
  }
}
