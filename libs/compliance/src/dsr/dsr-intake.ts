import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { Purpose } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { InvalidInputError } from '../errors';
import { NotificationsService } from '#notifications';
import { addHours } from '../rules/deadlines';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { dueDate, FORWARD_WITHIN_HOURS, hasValues } from './dsr-rules';
import type { DsrSource, DsrType, Rectification, VerificationMethod } from './dsr.types';
import { IdentitySearch } from './identity-search';

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

/**
 * Registering a request (D7): it is recorded with its deadlines, the person's records are found
 * (the operator's own, and each client's caller records), and the caller records are forwarded to
 * each client that controls them, which is told and reminded through its notices. One transaction.
 */
@Injectable()
export class DsrIntake {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly search: IdentitySearch,
    private readonly requests: DataSubjectRequestsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The new request's id. */
  async register(principal: Principal, input: NewDsr): Promise<string> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime() + 60_000) throw new InvalidInputError('receivedAt cannot be in the future');
    const subject = {
      name: input.subject.name?.trim() || null,
      email: input.subject.email?.trim() || null,
      phone: input.subject.phone?.trim() || null,
    };
    if (!subject.name && !subject.email && !subject.phone) throw new InvalidInputError('subject needs at least a name, an e-mail address or a phone number');
    if (input.type === 'rectification' && !hasValues(input.rectification)) {
      throw new InvalidInputError('a rectification request needs the corrected values (rectification.name, .email or .phone)');
    }
    if (input.objectionPurposes?.length && input.type !== 'objection') throw new InvalidInputError('objectionPurposes applies to objection requests only');

    const actor = actorOf(principal);
    return this.dataSource.transaction(async (tx) => {
      const originalDueAt = dueDate(input.type, receivedAt);
      const verificationMethod = input.verificationMethod ?? 'not_verified';
      const request = await this.requests.create(tx, {
        type: input.type,
        source: input.source ?? 'data_subject',
        subjectName: subject.name,
        subjectEmail: subject.email,
        subjectPhone: subject.phone,
        details: input.details?.trim() || null,
        rectification: hasValues(input.rectification) ? input.rectification! : null,
        objectionPurposes: input.type === 'objection' ? (input.objectionPurposes?.length ? input.objectionPurposes : ['marketing']) : null,
        verificationMethod,
        verifiedAt: verificationMethod === 'not_verified' ? null : now,
        receivedAt,
        originalDueAt,
        dueAt: originalDueAt,
        createdBy: principal.id,
      });
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
      await this.requests.setControllerMatches(tx, request);

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
        const forward = await this.scope.run(clientId, (scoped) => this.requests.createForward(scoped, { requestId: request.id, clientId, matches, forwardedAt: now, forwardedDueAt }), tx);
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
  }
}
