import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { Client, ClientContacts } from '#clients';
import { UserRecords } from '#identity';
import { MarketingConsentsRepository } from '../consent/marketing-consents.repository';
import { SuppressionList } from '../consent/suppression-list';
import { addCalendarMonths } from '../rules/deadlines';
import { IdentifierHasher, normalizeEmail } from '../rules/identifiers';
import type { DataSubjectRequest } from './data-subject-request.entity';
import { RecordMatch, RecordOutcome, Rectification, RESTRICTION_PURPOSES, RetentionHold } from './dsr.types';
import type { ExportTable } from './export-archive';
import type { OperationContext } from './operation-context';
import { ProcessingRestrictions } from './processing-restrictions';

/** Seed 001: business contact information is kept seven years after the contract ends. */
export const CLIENT_CONTACT_RETENTION_MONTHS = 7 * 12;

const SUPPRESSION_HOLD: RetentionHold = {
  basis: 'suppression',
  reason: 'A keyed hash of the identifier stays on the suppression list so the person is never sent marketing again; it does not reveal the identifier.',
  until: null,
};

/**
 * The DPO's operations on the operator's own records (controller data) that match a person: users,
 * client business contacts and marketing consents. Every record touched is audited by id.
 */
@Injectable()
export class ControllerDataOperations {
  constructor(
    private readonly audit: AuditService,
    private readonly restrictions: ProcessingRestrictions,
    private readonly suppression: SuppressionList,
    private readonly hasher: IdentifierHasher,
    private readonly users: UserRecords,
    private readonly contacts: ClientContacts,
    private readonly consents: MarketingConsentsRepository,
  ) {}

  /** Erases or anonymises each record; a record kept under a retention hold is reported with its reason. */
  async erase(tx: EntityManager, request: DataSubjectRequest, ctx: OperationContext): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = [];
    for (const match of request.controllerMatches) {
      const outcome = await this.eraseOne(tx, match, ctx);
      outcomes.push(outcome);
      await this.recordEvent(tx, request, ctx, 'dsr.erase.record', outcome, match.kind === 'client_contact' ? match.id : null);
    }
    for (const id of await this.suppression.add(tx, this.person(request), 'erasure')) {
      const outcome: RecordOutcome = { kind: 'suppression_entry', id, outcome: 'kept', hold: SUPPRESSION_HOLD };
      outcomes.push(outcome);
      await this.recordEvent(tx, request, ctx, 'dsr.erase.record', outcome, null);
    }
    return outcomes;
  }

  private async eraseOne(tx: EntityManager, match: RecordMatch, ctx: OperationContext): Promise<RecordOutcome> {
    const base = { kind: match.kind, id: match.id };
    switch (match.kind) {
      case 'user': {
        if ((await this.users.anonymise(tx, match.id, ctx.now)) === 'not_found') return { ...base, outcome: 'not_found' };
        return {
          ...base,
          outcome: 'anonymised',
          hold: {
            basis: 'legal_obligation',
            reason: 'The account id stays as the actor of past audit events (the accountability record is never edited); its e-mail address was removed and the account disabled.',
            until: null,
          },
        };
      }
      case 'client_contact': {
        const client = await this.contacts.find(tx, match.id);
        if (!client) return { ...base, outcome: 'not_found' };
        const hold = this.clientContactHold(client, ctx.now);
        if (hold) return { ...base, outcome: 'kept', hold };
        await this.contacts.erase(tx, client.id);
        return { ...base, outcome: 'erased' };
      }
      case 'marketing_consent': {
        return { ...base, outcome: (await this.consents.delete(tx, match.id)) ? 'erased' : 'not_found' };
      }
      default:
        return { ...base, outcome: 'not_found', note: 'not an operator record' };
    }
  }

  /** Why a client's business contact must be kept now, or null when it may go (seed 000, 001). */
  clientContactHold(client: Client, now: Date): RetentionHold | null {
    if (client.status !== 'terminated' || !client.contractEndedAt) {
      return {
        basis: 'contract',
        reason: 'Business contact of a client under contract: needed to provide and invoice the service, then kept 7 years after the contract ends (seed 001).',
        until: null,
      };
    }
    const until = addCalendarMonths(client.contractEndedAt, CLIENT_CONTACT_RETENTION_MONTHS);
    if (until.getTime() <= now.getTime()) return null;
    return {
      basis: 'invoicing',
      reason: 'Kept 7 years after the contract ended to invoice and evidence the service (seed 000, 001); erased by the retention schedule then.',
      until: until.toISOString(),
    };
  }

  async rectify(tx: EntityManager, request: DataSubjectRequest, values: Rectification, ctx: OperationContext): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = [];
    for (const match of request.controllerMatches) {
      const outcome = await this.rectifyOne(tx, match, values);
      outcomes.push(outcome);
      await this.recordEvent(tx, request, ctx, 'dsr.rectify.record', outcome, match.kind === 'client_contact' ? match.id : null);
    }
    return outcomes;
  }

  private async rectifyOne(tx: EntityManager, match: RecordMatch, values: Rectification): Promise<RecordOutcome> {
    const base = { kind: match.kind, id: match.id };
    switch (match.kind) {
      case 'user': {
        if (!values.email) return { ...base, outcome: 'unchanged', note: 'a user account holds only an e-mail address' };
        return { ...base, outcome: await this.users.rectifyEmail(tx, match.id, normalizeEmail(values.email)) };
      }
      case 'client_contact': {
        const changes = {
          ...(values.name !== undefined ? { contactName: values.name } : {}),
          ...(values.email !== undefined ? { contactEmail: normalizeEmail(values.email) } : {}),
          ...(values.phone !== undefined ? { contactPhone: values.phone } : {}),
        };
        return { ...base, outcome: (await this.contacts.change(tx, match.id, changes)) ? 'rectified' : 'not_found' };
      }
      case 'marketing_consent': {
        const changes = {
          ...(values.name !== undefined ? { name: values.name } : {}),
          ...(values.email !== undefined ? { email: normalizeEmail(values.email), emailHash: this.hasher.hash('email', values.email) } : {}),
          ...(values.phone !== undefined ? { phone: values.phone, phoneHash: this.hasher.hash('phone', values.phone) } : {}),
        };
        return { ...base, outcome: (await this.consents.change(tx, match.id, changes)) ? 'rectified' : 'not_found' };
      }
      default:
        return { ...base, outcome: 'not_found' };
    }
  }

  /** Restriction refuses every purpose but storage, legal claims and security; objection the purposes objected to. */
  async restrict(tx: EntityManager, request: DataSubjectRequest, ctx: OperationContext): Promise<RecordOutcome[]> {
    const objection = request.type === 'objection';
    const purposes = objection ? (request.objectionPurposes?.length ? request.objectionPurposes : ['marketing' as const]) : RESTRICTION_PURPOSES;
    const entries = request.controllerMatches.map((m) => ({ recordType: m.kind, recordId: m.id, clientId: m.kind === 'client_contact' ? m.id : null }));
    await this.restrictions.mark(tx, entries, purposes, objection ? 'objection' : 'restriction', request.id);
    const outcomes: RecordOutcome[] = request.controllerMatches.map((m) => ({ kind: m.kind, id: m.id, outcome: 'restricted', note: `refused purposes: ${purposes.join(', ')}` }));
    // An objection to direct marketing is absolute (art. 21(3)): the person goes on the suppression list too.
    if (purposes.includes('marketing')) {
      for (const id of await this.suppression.add(tx, this.person(request), 'objection')) {
        outcomes.push({ kind: 'suppression_entry', id, outcome: 'restricted', note: 'never sent marketing again' });
      }
    }
    for (const outcome of outcomes) await this.recordEvent(tx, request, ctx, 'dsr.restrict.record', outcome, outcome.kind === 'client_contact' ? outcome.id : null);
    return outcomes;
  }

  /** The person's operator records, for an access or portability export. */
  async exportTables(tx: EntityManager, request: DataSubjectRequest): Promise<ExportTable[]> {
    const ids = (kind: RecordMatch['kind']) => request.controllerMatches.filter((m) => m.kind === kind).map((m) => m.id);
    const userIds = ids('user');
    const users = await this.users.exportRows(tx, userIds);
    const contacts = await this.contacts.exportRows(tx, ids('client_contact'));
    const consents = await this.consents.exportRows(tx, ids('marketing_consent'));
    // What the person did in the system, as recorded about them: ids and codes only, as every event.
    const events = await this.audit.activityOf(tx, userIds);
    return [
      { name: 'users', columns: ['id', 'email', 'role', 'clientId', 'createdAt', 'lastLoginAt', 'disabledAt'], rows: users },
      { name: 'client_contacts', columns: ['clientId', 'clientName', 'contactName', 'contactEmail', 'contactPhone', 'status', 'contractEndedAt'], rows: contacts },
      {
        name: 'marketing_consents',
        columns: ['id', 'subjectType', 'name', 'email', 'phone', 'wording', 'channel', 'positiveAction', 'givenAt', 'withdrawnAt'],
        rows: consents,
      },
      { name: 'activity', columns: ['seq', 'occurredAt', 'action', 'outcome', 'purpose', 'clientId', 'subjectType', 'subjectId'], rows: events },
    ];
  }

  private person(request: DataSubjectRequest) {
    return { email: request.subjectEmail, phone: request.subjectPhone };
  }

  private recordEvent(tx: EntityManager, request: DataSubjectRequest, ctx: OperationContext, action: string, outcome: RecordOutcome, clientId: string | null) {
    return this.audit.append(
      {
        actor: ctx.actor,
        clientId,
        dataRole: 'controller',
        purpose: 'legal_obligation',
        action,
        subject: { type: outcome.kind, id: outcome.id },
        outcome: 'success',
        details: { requestId: request.id, result: outcome.outcome, hold: outcome.hold?.basis ?? null },
      },
      tx,
    );
  }
}
