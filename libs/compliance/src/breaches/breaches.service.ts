import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { ClientsService } from '#clients';
import { Clock } from '#clock';
import { NotFoundError } from '#errors';
import { NotificationsService } from '#notifications';
import { ConflictError, InvalidInputError } from '../errors';
import { addHours, hoursLeft } from '../rules/deadlines';
import { Breach } from './breach.entity';
import { BreachesRepository } from './breaches.repository';

/** Art. 33(1): the regulator is told within 72 hours of the operator becoming aware. */
export const REGULATOR_DEADLINE_HOURS = 72;
/** Art. 33(2) says "without undue delay"; the operator holds itself to 24 hours, as for forwarded requests. */
export const CLIENT_NOTICE_TARGET_HOURS = 24;

export interface NewBreach {
  detectedAt: Date;
  occurredAt?: Date;
  nature: string;
  dataCategories: string[];
  affectsCallerData: boolean;
  affectsOperatorData: boolean;
  /** Required when caller data is affected: each must be notified. */
  affectedClientIds?: string[];
  approxSubjects?: number;
  approxRecords?: number;
  likelyConsequences: string;
  measuresTaken: string;
  highRisk?: boolean;
}

export const BREACH_ACTIONS = ['notify_client', 'notify_regulator', 'decide_regulator_not_required', 'inform_subjects', 'decide_subjects_not_informed'] as const;
export type BreachActionName = (typeof BREACH_ACTIONS)[number];

export interface BreachAction {
  action: BreachActionName;
  clientId?: string;
  channel?: string;
  reference?: string;
  reason?: string;
}

/**
 * The breach register (D11). Every breach stays on it. A breach of caller data is each affected
 * client's to report, so the operator tracks telling each of them; a breach of the operator's own
 * data carries the regulator's 72-hour deadline and, when high risk, informing the people affected.
 */
@Injectable()
export class BreachesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly clients: ClientsService,
    private readonly breaches: BreachesRepository,
  ) {}

  async record(principal: Principal, input: NewBreach) {
    const now = this.clock.now();
    if (input.detectedAt.getTime() > now.getTime() + 60_000) throw new InvalidInputError('detectedAt cannot be in the future');
    if (input.occurredAt && input.occurredAt.getTime() > input.detectedAt.getTime()) throw new InvalidInputError('occurredAt cannot be after detectedAt');
    if (!input.affectsCallerData && !input.affectsOperatorData) throw new InvalidInputError('a breach affects caller data, operator data, or both');
    const clientIds = [...new Set(input.affectedClientIds ?? [])];
    if (input.affectsCallerData && !clientIds.length) throw new InvalidInputError('a breach of caller data must list the affected clients (affectedClientIds)');
    if (!input.affectsCallerData && clientIds.length) throw new InvalidInputError('affectedClientIds applies to breaches of caller data only');
    const id = await this.dataSource.transaction(async (tx) => {
      if ((await this.clients.existingAmong(clientIds, tx)).length !== clientIds.length) {
        throw new InvalidInputError('affectedClientIds contains an unknown client');
      }
      const breach = await this.breaches.record(tx, {
        detectedAt: input.detectedAt,
        occurredAt: input.occurredAt ?? null,
        nature: input.nature.trim(),
        dataCategories: input.dataCategories,
        affectsCallerData: input.affectsCallerData,
        affectsOperatorData: input.affectsOperatorData,
        approxSubjects: input.approxSubjects ?? null,
        approxRecords: input.approxRecords ?? null,
        likelyConsequences: input.likelyConsequences.trim(),
        measuresTaken: input.measuresTaken.trim(),
        highRisk: input.highRisk ?? false,
        regulatorDueAt: input.affectsOperatorData ? addHours(input.detectedAt, REGULATOR_DEADLINE_HOURS) : null,
        recordedBy: principal.id,
      });
      const notifyBy = addHours(input.detectedAt, CLIENT_NOTICE_TARGET_HOURS);
      await this.breaches.addAffectedClients(tx, breach.id, clientIds, notifyBy);
      // The DPO is reminded a day before each deadline and when it has passed.
      const remind = (label: string, deadline: Date) =>
        this.notifications.trackDeadline(tx, { audience: 'dpo', clientId: null, subjectType: 'breach', subjectId: breach.id, label, deadline });
      if (breach.regulatorDueAt) await remind('regulator', breach.regulatorDueAt);
      if (clientIds.length) await remind('clients', notifyBy);
      await this.event(tx, principal, 'breach.record', breach.id, null, {
        affectsCallerData: breach.affectsCallerData,
        affectsOperatorData: breach.affectsOperatorData,
        affectedClients: clientIds.length,
        highRisk: breach.highRisk,
      });
      // Each affected client's own trail shows that a breach touching its data was recorded.
      for (const clientId of clientIds) await this.event(tx, principal, 'breach.client_affected', breach.id, clientId, {});
      return breach.id;
    });
    return this.get(id);
  }

  /** Every breach ever recorded, newest first, with its deadlines as of now. The read is audited. */
  async list(principal: Principal) {
    const breaches = await this.breaches.all(this.dataSource.manager);
    await this.audit.append({ actor: actorOf(principal), dataRole: 'controller', purpose: 'legal_obligation', action: 'breach.list', outcome: 'success', details: { results: breaches.length } });
    const now = this.clock.now();
    return breaches.map((b) => this.view(b, now));
  }

  async get(id: string) {
    const breach = await this.breaches.withAffectedClients(this.dataSource.manager, id);
    if (!breach) throw new NotFoundError('Breach');
    return this.view(breach, this.clock.now());
  }

  async act(principal: Principal, id: string, action: BreachAction) {
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const breach = await this.breaches.lock(tx, id);
      if (!breach) throw new NotFoundError('Breach');
      let clientId: string | null = null;
      switch (action.action) {
        case 'notify_client': {
          if (!action.clientId) throw new InvalidInputError('clientId is required');
          const affected = await this.breaches.affectedClient(tx, id, action.clientId);
          if (!affected) throw new NotFoundError('Affected client');
          if (affected.notifiedAt) throw new ConflictError('This client was already notified', 'already_notified');
          await this.breaches.markClientNotified(tx, id, action.clientId, { at: now, by: principal.id, channel: action.channel ?? null });
          clientId = action.clientId;
          // The notice itself reaches the client's breach-notice recipients (and its portal).
          await this.notifications.breachNotice(tx, { clientId, breachId: id });
          const unnotified = await this.breaches.clientsAwaitingNotice(tx, id);
          if (!unnotified) await this.notifications.closeDeadlines(tx, 'breach', id, 'clients');
          break;
        }
        case 'notify_regulator':
          this.assertOperatorData(breach);
          if (breach.regulatorNotifiedAt) throw new ConflictError('The regulator was already notified', 'already_notified');
          breach.regulatorNotifiedAt = now;
          breach.regulatorReference = action.reference?.trim() || null;
          await this.notifications.closeDeadlines(tx, 'breach', id, 'regulator');
          break;
        case 'decide_regulator_not_required':
          this.assertOperatorData(breach);
          if (breach.regulatorNotifiedAt) throw new ConflictError('The regulator was already notified', 'already_notified');
          if (breach.highRisk) throw new ConflictError('A high-risk breach must be notified to the regulator', 'high_risk');
          breach.regulatorNotRequiredReason = this.reason(action.reason);
          await this.notifications.closeDeadlines(tx, 'breach', id, 'regulator');
          break;
        case 'inform_subjects':
          if (breach.subjectsInformedAt) throw new ConflictError('The people affected were already informed', 'already_notified');
          breach.subjectsInformedAt = now;
          break;
        case 'decide_subjects_not_informed':
          breach.subjectsNotInformedReason = this.reason(action.reason);
          break;
      }
      await this.breaches.save(tx, breach);
      await this.event(tx, principal, `breach.${action.action}`, id, clientId, {});
    });
    return this.get(id);
  }

  private assertOperatorData(breach: Breach): void {
    if (!breach.affectsOperatorData) {
      throw new ConflictError("A breach of caller data only is reported to the regulator by each affected client (the controller); notify the clients", 'client_reports');
    }
  }

  private reason(text: string | undefined): string {
    const trimmed = text?.trim() ?? '';
    if (trimmed.length < 10) throw new InvalidInputError('reason must document the decision in at least 10 characters', 'reason_required');
    return trimmed;
  }

  private view(b: Breach, now: Date) {
    const clients = (b.affectedClients ?? [])
      .map((c) => ({
        clientId: c.clientId,
        notifyBy: c.notifyBy,
        notifiedAt: c.notifiedAt,
        channel: c.channel,
        overdue: !c.notifiedAt && c.notifyBy.getTime() < now.getTime(),
      }))
      .sort((x, y) => x.clientId.localeCompare(y.clientId));
    const regulatorOpen = b.affectsOperatorData && !b.regulatorNotifiedAt && !b.regulatorNotRequiredReason;
    return {
      id: b.id,
      detectedAt: b.detectedAt,
      occurredAt: b.occurredAt,
      nature: b.nature,
      dataCategories: b.dataCategories,
      affectsCallerData: b.affectsCallerData,
      affectsOperatorData: b.affectsOperatorData,
      approxSubjects: b.approxSubjects,
      approxRecords: b.approxRecords,
      likelyConsequences: b.likelyConsequences,
      measuresTaken: b.measuresTaken,
      highRisk: b.highRisk,
      regulator: b.affectsOperatorData
        ? {
            dueAt: b.regulatorDueAt,
            hoursLeft: regulatorOpen ? hoursLeft(b.regulatorDueAt!, now) : null,
            overdue: regulatorOpen && b.regulatorDueAt!.getTime() < now.getTime(),
            notifiedAt: b.regulatorNotifiedAt,
            notifiedLate: !!b.regulatorNotifiedAt && b.regulatorNotifiedAt.getTime() > b.regulatorDueAt!.getTime(),
            reference: b.regulatorReference,
            notRequiredReason: b.regulatorNotRequiredReason,
          }
        : null,
      regulatorDueAt: b.regulatorDueAt,
      subjects: {
        mustBeInformed: b.highRisk,
        informedAt: b.subjectsInformedAt,
        notInformedReason: b.subjectsNotInformedReason,
        pending: b.highRisk && !b.subjectsInformedAt && !b.subjectsNotInformedReason,
      },
      affectedClients: clients,
      clientsAwaitingNotice: clients.filter((c) => !c.notifiedAt).length,
      recordedBy: b.recordedBy,
      createdAt: b.createdAt,
    };
  }

  private event(tx: EntityManager, principal: Principal, action: string, breachId: string, clientId: string | null, details: Record<string, string | number | boolean>) {
    return this.audit.append(
      {
        actor: actorOf(principal),
        clientId,
        dataRole: 'controller',
        purpose: 'legal_obligation',
        action,
        subject: { type: 'breach', id: breachId },
        outcome: 'success',
        details,
      },
      tx,
    );
  }
}
