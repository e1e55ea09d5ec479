import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallerDataSubjects } from '#calls';
import { ClientContacts } from '#clients';
import { matchedFields, PersonSearchKeys } from '#database';
import { UserRecords } from '#identity';
import { MarketingConsentsRepository } from '../consent/marketing-consents.repository';
import { IdentifierHasher, normalizeEmail, normalizeName, PersonIdentifiers, phoneDigitVariants } from '../rules/identifiers';
import type { RecordMatch } from './dsr.types';

/** What the requester gave, normalised as every library's search compares it. */
function keysOf(person: PersonIdentifiers): PersonSearchKeys {
  const email = (person.email && normalizeEmail(person.email)) || null;
  const phones = person.phone ? phoneDigitVariants(person.phone) : [];
  const name = (person.name && normalizeName(person.name)) || null;
  return { email, phones, name, nameAlone: !!name && !email && !phones.length };
}

/**
 * Finds every record that matches a person, split by data role: the operator's own records
 * (controller data, worked by the DPO) and each client's caller records (processor data, forwarded to
 * that client). Each library searches its own tables; this returns ids and which identifiers matched,
 * never the records' content.
 */
@Injectable()
export class IdentitySearch {
  constructor(
    private readonly hasher: IdentifierHasher,
    private readonly users: UserRecords,
    private readonly contacts: ClientContacts,
    private readonly consents: MarketingConsentsRepository,
    private readonly callerRecords: CallerDataSubjects,
  ) {}

  async controllerMatches(tx: EntityManager, person: PersonIdentifiers): Promise<RecordMatch[]> {
    const keys = keysOf(person);
    const matches: RecordMatch[] = [];
    if (keys.email) matches.push(...(await this.users.idsByEmail(tx, keys.email)).map((id) => ({ kind: 'user' as const, id, matchedOn: ['email' as const] })));
    matches.push(...(await this.contacts.matching(tx, keys)).map((c) => ({ kind: 'client_contact' as const, id: c.id, matchedOn: matchedFields(c) })));
    const hashes = this.hasher.hashes(person);
    const emailHash = hashes.find((h) => h.kind === 'email')?.hash ?? null;
    const phoneHash = hashes.find((h) => h.kind === 'phone')?.hash ?? null;
    matches.push(...(await this.consents.matching(tx, emailHash, phoneHash)).map((c) => ({ kind: 'marketing_consent' as const, id: c.id, matchedOn: matchedFields(c) })));
    return matches;
  }

  /**
   * Caller records of every client, grouped by the client that controls them. `tx` must see across
   * clients (TenantScope.runAcrossClients with reason 'data_subject_search').
   */
  callerMatchesByClient(tx: EntityManager, person: PersonIdentifiers): Promise<Map<string, RecordMatch[]>> {
    return this.callerRecords.matchesByClient(tx, keysOf(person));
  }
}
