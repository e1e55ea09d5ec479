import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { CallerDataSubjects, CallerMessage } from '#calls';
import { ClientContacts, ClientsService } from '#clients';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { ProcessingRestrictions } from '../dsr/processing-restrictions';
import { InvalidInputError } from '../errors';
import { IdentifierHasher, normalizeEmail, PersonIdentifiers } from '../rules/identifiers';
import { ConsentChannel, ConsentSubjectType, MarketingConsent } from './marketing-consent.entity';
import { MarketingConsentsRepository } from './marketing-consents.repository';
import { SuppressionList } from './suppression-list';

export interface NewConsent {
  subjectType: ConsentSubjectType;
  clientId?: string;
  name?: string;
  email?: string;
  phone?: string;
  wording: string;
  channel: ConsentChannel;
  /** Must be true: silence, pre-ticked boxes or inactivity are not consent. */
  positiveAction: boolean;
  /** What the person did, e.g. "ticked the unticked opt-in box". */
  positiveActionDescription: string;
  givenAt?: Date;
}

export type MarketingChannel = 'email' | 'phone';

export type MarketingExportRequest =
  | { source: 'client_contacts'; channel: MarketingChannel }
  | { source: 'consents'; channel: MarketingChannel }
  | { source: 'caller_data'; channel: MarketingChannel; clientId: string; callerMessageIds: string[] };

export interface MarketingRecipient {
  name: string | null;
  email?: string;
  phone?: string;
}

export interface MarketingExport {
  source: MarketingExportRequest['source'];
  channel: MarketingChannel;
  recipients: MarketingRecipient[];
  excluded: { suppressed: number; restricted: number; noContact: number };
}

/** A consent as the register shows it: the keyed lookup hashes stay inside. */
const consentView = ({ emailHash: _email, phoneHash: _phone, ...consent }: MarketingConsent) => consent;

/**
 * Marketing consent and the suppression list (D3, D13). Consent is recorded only for a positive
 * action, with its wording, channel and time; it can be withdrawn at any time, which puts the person on
 * the suppression list; every marketing export checks that list. Caller data is never used for
 * marketing unless that caller's own express permission is on record (seed 000).
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly hasher: IdentifierHasher,
    private readonly suppression: SuppressionList,
    private readonly restrictions: ProcessingRestrictions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly clients: ClientsService,
    private readonly contacts: ClientContacts,
    private readonly callerRecords: CallerDataSubjects,
    private readonly consents: MarketingConsentsRepository,
  ) {}

  async record(principal: Principal, input: NewConsent) {
    const now = this.clock.now();
    if (input.positiveAction !== true) {
      throw new InvalidInputError('Consent is recorded only for a positive action (an opt-in); silence, a pre-ticked box or inactivity is not consent', 'positive_action_required');
    }
    if (!input.positiveActionDescription?.trim()) throw new InvalidInputError('positiveActionDescription must say what the person did to opt in');
    if (!input.wording?.trim()) throw new InvalidInputError('wording must be the exact text the person agreed to');
    const emailHash = input.email ? this.hasher.hash('email', input.email) : null;
    const phoneHash = input.phone ? this.hasher.hash('phone', input.phone) : null;
    if (input.email && !emailHash) throw new InvalidInputError('email is not an e-mail address');
    if (input.phone && !phoneHash) throw new InvalidInputError('phone is not a phone number');
    if (!emailHash && !phoneHash) throw new InvalidInputError('a consent needs the e-mail address or phone number it covers');
    if (input.subjectType === 'caller' && !input.clientId) throw new InvalidInputError("a caller's permission names the client whose call it was (clientId)");
    const givenAt = input.givenAt ?? now;
    if (givenAt.getTime() > now.getTime() + 60_000) throw new InvalidInputError('givenAt cannot be in the future');
    return this.dataSource.transaction(async (tx) => {
      if (input.clientId && !(await this.clients.existingAmong([input.clientId], tx)).length) throw new NotFoundError('Client');
      const consent = await this.consents.record(tx, {
        subjectType: input.subjectType,
        clientId: input.clientId ?? null,
        name: input.name?.trim() || null,
        email: input.email ? normalizeEmail(input.email) : null,
        phone: input.phone?.trim() || null,
        emailHash,
        phoneHash,
        wording: input.wording.trim(),
        channel: input.channel,
        positiveAction: input.positiveActionDescription.trim(),
        givenAt,
        recordedBy: principal.id,
      });
      await this.event(tx, principal, 'consent.record', consent.id, input.clientId ?? null, { subjectType: input.subjectType, channel: input.channel });
      // A new opt-in by positive action after an opt-out is the person changing their mind: lift their suppression.
      for (const lifted of await this.suppression.remove(tx, [emailHash, phoneHash].filter((h): h is string => !!h))) {
        await this.event(tx, principal, 'suppression.remove', lifted, null, { consentId: consent.id });
      }
      return consentView(consent);
    });
  }

  /** The consent register (newest first), without the lookup hashes. The read is audited. */
  async list(principal: Principal) {
    const consents = await this.consents.newestFirst(this.dataSource.manager, 1000);
    await this.event(null, principal, 'consent.list', null, null, { results: consents.length });
    return consents.map(consentView);
  }

  /** Withdraws one consent at any time; the identifiers it covered go on the suppression list. */
  async withdraw(principal: Principal, id: string, channel: string) {
    return this.dataSource.transaction(async (tx) => {
      const consent = await this.consents.lock(tx, id);
      if (!consent) throw new NotFoundError('Consent');
      if (!consent.withdrawnAt) {
        consent.withdrawnAt = this.clock.now();
        consent.withdrawalChannel = channel;
        await this.consents.save(tx, consent);
      }
      await this.suppression.add(tx, consent, 'withdrawal');
      await this.event(tx, principal, 'consent.withdraw', consent.id, consent.clientId, { channel });
      return consentView(consent);
    });
  }

  /** "Stop sending me marketing": withdraws every consent for these identifiers and suppresses them. */
  async optOut(principal: Principal, person: PersonIdentifiers, channel: string): Promise<{ withdrawn: number; suppressed: number }> {
    const hashes = this.hasher.hashes(person);
    if (!hashes.length) throw new InvalidInputError('an opt-out needs an e-mail address or a phone number');
    return this.dataSource.transaction(async (tx) => {
      const consents = await this.consents.activeFor(tx, hashes.map((h) => h.hash));
      const now = this.clock.now();
      if (consents.length) await this.consents.markWithdrawn(tx, consents.map((c) => c.id), now, channel);
      const entries = await this.suppression.add(tx, person, 'opt_out');
      for (const consent of consents) await this.event(tx, principal, 'consent.withdraw', consent.id, consent.clientId, { channel });
      for (const entry of entries) await this.event(tx, principal, 'suppression.add', entry, null, { source: 'opt_out' });
      return { withdrawn: consents.length, suppressed: entries.length };
    });
  }

  async suppressionCount(): Promise<{ entries: number }> {
    return { entries: await this.suppression.count() };
  }

  /**
   * For each person, whether they gave the operator express permission to use their details for
   * marketing: an active (not withdrawn) caller consent for this client matching their e-mail or
   * phone, and neither suppressed. Two queries for any number of people.
   */
  private async callerPermissions(clientId: string, people: PersonIdentifiers[], manager: EntityManager = this.dataSource.manager): Promise<boolean[]> {
    const hashesOf = people.map((p) => this.hasher.hashes(p).map((h) => h.hash));
    const all = [...new Set(hashesOf.flat())];
    const suppressed = await this.suppression.suppressedHashes(all, manager);
    const permitted = new Set(
      (await this.consents.activeFor(manager, all))
        .filter((c) => c.subjectType === 'caller' && c.clientId === clientId)
        .flatMap((c) => [c.emailHash, c.phoneHash].filter((h): h is string => !!h)),
    );
    return hashesOf.map((hashes) => hashes.length > 0 && !hashes.some((h) => suppressed.has(h)) && hashes.some((h) => permitted.has(h)));
  }

  /** A contact list for a marketing campaign; the suppression list is checked for every recipient. */
  async marketingExport(principal: Principal, request: MarketingExportRequest): Promise<MarketingExport> {
    const result =
      request.source === 'caller_data'
        ? await this.fromCallerData(principal, request)
        : request.source === 'consents'
          ? await this.fromConsents(request.channel)
          : await this.fromClientContacts(request.channel);
    await this.event(null, principal, 'marketing.export', null, request.source === 'caller_data' ? request.clientId : null, {
      source: request.source,
      channel: request.channel,
      recipients: result.recipients.length,
      suppressed: result.excluded.suppressed,
    });
    return result;
  }

  /** Clients and former clients may be sent marketing unless they opted out (seed 000); suppression decides. */
  private async fromClientContacts(channel: MarketingChannel): Promise<MarketingExport> {
    const clients = await this.contacts.all(this.dataSource.manager);
    const restricted = await this.restrictions.restrictedAmong('client_contact', clients.map((c) => c.id), 'marketing');
    const candidates = clients
      .filter((c) => !restricted.has(c.id))
      .map((c) => ({ name: c.contactName, email: c.contactEmail, phone: c.contactPhone }));
    return this.filtered('client_contacts', channel, candidates, restricted.size);
  }

  private async fromConsents(channel: MarketingChannel): Promise<MarketingExport> {
    // Callers' permissions are for the client whose call it was to rely on, exported through caller_data.
    const consents = await this.consents.activeOfContactsAndProspects(this.dataSource.manager);
    return this.filtered('consents', channel, consents.map((c) => ({ name: c.name, email: c.email, phone: c.phone })), 0);
  }

  /**
   * Caller data reaches a marketing list only through the access policy, which refuses the whole export
   * when one named caller's express permission is missing, so nobody's details are used by mistake.
   */
  private async fromCallerData(principal: Principal, request: Extract<MarketingExportRequest, { source: 'caller_data' }>): Promise<MarketingExport> {
    const ids = [...new Set(request.callerMessageIds)];
    if (!ids.length) throw new InvalidInputError('callerMessageIds must name the callers');
    const people = await this.scope.run(request.clientId, async (tx) => {
      if ((await this.callerRecords.messagesAmong(tx, request.clientId, ids)).length !== ids.length) throw new NotFoundError('Caller message');
      const subjects = ids.map((id) => ({ type: 'message', id }));
      await this.policy.authorize(principal, { action: 'marketing.export', clientId: request.clientId, data: CallerMessage, purpose: 'marketing', content: true, subjects }, tx);
      const messages = await this.callerRecords.callerContacts(tx, request.clientId, ids);
      return messages.map((m) => ({ name: m.callerName, email: m.callerEmail, phone: m.callerPhone }));
    });
    return this.filtered('caller_data', request.channel, people, 0);
  }

  /** Which of these caller messages' callers gave no express marketing permission for this client. */
  async callersWithoutPermission(clientId: string, messageIds: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!messageIds.length) return [];
    const messages = await this.callerRecords.callerContacts(manager, clientId, messageIds);
    const permitted = await this.callerPermissions(clientId, messages.map((m) => ({ email: m.callerEmail, phone: m.callerPhone })), manager);
    const allowed = new Set(messages.filter((_, i) => permitted[i]).map((m) => m.id));
    return messageIds.filter((id) => !allowed.has(id));
  }

  private async filtered(source: MarketingExport['source'], channel: MarketingChannel, candidates: (PersonIdentifiers & { name: string | null })[], restricted: number): Promise<MarketingExport> {
    const reachable = candidates.filter((c) => !!c[channel]);
    const hashOf = (c: PersonIdentifiers) => this.hasher.hashes(c).map((h) => h.hash);
    const suppressed = await this.suppression.suppressedHashes(reachable.flatMap(hashOf));
    const recipients: MarketingRecipient[] = [];
    const seen = new Set<string>();
    let suppressedCount = 0;
    for (const c of reachable) {
      if (hashOf(c).some((h) => suppressed.has(h))) {
        suppressedCount++;
        continue;
      }
      const key = this.hasher.hash(channel, c[channel]!) ?? c[channel]!;
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push({ name: c.name ?? null, [channel]: channel === 'email' ? normalizeEmail(c.email!) : c.phone! });
    }
    return { source, channel, recipients, excluded: { suppressed: suppressedCount, restricted, noContact: candidates.length - reachable.length } };
  }

  private event(
    tx: EntityManager | null,
    principal: Principal,
    action: string,
    subjectId: string | null,
    clientId: string | null,
    details: Record<string, string | number | boolean>,
  ) {
    return this.audit.append(
      {
        actor: actorOf(principal),
        clientId,
        dataRole: 'controller',
        purpose: 'marketing',
        action,
        subject: subjectId ? { type: action.startsWith('suppression') ? 'suppression_entry' : 'marketing_consent', id: subjectId } : undefined,
        outcome: 'success',
        details,
      },
      tx ?? undefined,
    );
  }
}
