import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentifierHasher, normalizeEmail, normalizeName, PersonIdentifiers, phoneDigitVariants } from '../rules/identifiers';
import type { MatchField, RecordMatch } from './dsr.types';

/** SQL that reduces a stored phone number to digits, and a stored name to trimmed lower case. */
const digits = (column: string) => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;
const folded = (column: string) => `lower(regexp_replace(btrim(coalesce(${column}, '')), '\\s+', ' ', 'g'))`;

interface SearchKeys {
  email: string | null;
  phones: string[];
  name: string | null;
  /**
   * A name alone finds a record only when the request gives nothing else: otherwise a namesake's
   * record would be worked (or erased) and the requester's details forwarded to a stranger's client.
   * With an e-mail or phone given, a matching name is recorded as corroboration only.
   */
  nameAlone: boolean;
}

function keysOf(person: PersonIdentifiers): SearchKeys {
  const email = (person.email && normalizeEmail(person.email)) || null;
  const phones = person.phone ? phoneDigitVariants(person.phone) : [];
  const name = (person.name && normalizeName(person.name)) || null;
  return { email, phones, name, nameAlone: !!name && !email && !phones.length };
}

const fields = (row: { on_email?: boolean; on_phone?: boolean; on_name?: boolean }): MatchField[] => {
  const out: MatchField[] = [];
  if (row.on_name) out.push('name');
  if (row.on_email) out.push('email');
  if (row.on_phone) out.push('phone');
  return out;
};

/**
 * Finds every record that matches a person, split by data role: the operator's own records
 * (controller data, worked by the DPO) and each client's caller records (processor data, forwarded to
 * that client). Returns ids and which identifiers matched; never the records' content.
 */
@Injectable()
export class IdentitySearch {
  constructor(private readonly hasher: IdentifierHasher) {}

  async controllerMatches(tx: EntityManager, person: PersonIdentifiers): Promise<RecordMatch[]> {
    const keys = keysOf(person);
    const matches: RecordMatch[] = [];
    if (keys.email) {
      const users: { id: string }[] = await tx.query(`SELECT id FROM users WHERE lower(email) = $1 ORDER BY created_at`, [keys.email]);
      matches.push(...users.map((u) => ({ kind: 'user' as const, id: u.id, matchedOn: ['email' as const] })));
    }
    const contacts: { id: string; on_email: boolean; on_phone: boolean; on_name: boolean }[] = await tx.query(
      `SELECT id, coalesce(lower(contact_email) = $1, false) AS on_email,
              ${digits('contact_phone')} = ANY($2::text[]) AS on_phone,
              coalesce(${folded('contact_name')} = $3, false) AS on_name
         FROM clients
        WHERE lower(contact_email) = $1 OR ${digits('contact_phone')} = ANY($2::text[]) OR ($4 AND ${folded('contact_name')} = $3)
        ORDER BY created_at`,
      [keys.email, keys.phones, keys.name, keys.nameAlone],
    );
    matches.push(...contacts.map((c) => ({ kind: 'client_contact' as const, id: c.id, matchedOn: fields(c) })));
    const hashes = this.hasher.hashes(person);
    const emailHash = hashes.find((h) => h.kind === 'email')?.hash ?? null;
    const phoneHash = hashes.find((h) => h.kind === 'phone')?.hash ?? null;
    if (emailHash || phoneHash) {
      const consents: { id: string; on_email: boolean; on_phone: boolean }[] = await tx.query(
        `SELECT id, coalesce(email_hash = $1, false) AS on_email, coalesce(phone_hash = $2, false) AS on_phone
           FROM marketing_consents WHERE email_hash = $1 OR phone_hash = $2 ORDER BY given_at`,
        [emailHash, phoneHash],
      );
      matches.push(...consents.map((c) => ({ kind: 'marketing_consent' as const, id: c.id, matchedOn: fields(c) })));
    }
    return matches;
  }

  /**
   * Caller records of every client, grouped by the client that controls them. `tx` must see across
   * clients (TenantScope.runAcrossClients with reason 'data_subject_search').
   */
  async callerMatchesByClient(tx: EntityManager, person: PersonIdentifiers): Promise<Map<string, RecordMatch[]>> {
    const keys = keysOf(person);
    const byClient = new Map<string, RecordMatch[]>();
    const add = (clientId: string, match: RecordMatch) => {
      const list = byClient.get(clientId) ?? [];
      list.push(match);
      byClient.set(clientId, list);
    };

    const calls: { id: string; client_id: string }[] = keys.phones.length
      ? await tx.query(`SELECT id, client_id FROM calls WHERE ${digits('caller_number')} = ANY($1::text[]) ORDER BY started_at`, [keys.phones])
      : [];
    for (const call of calls) add(call.client_id, { kind: 'call', id: call.id, matchedOn: ['phone'] });
    const callIds = calls.map((c) => c.id);

    const messages: { id: string; client_id: string; on_email: boolean; on_phone: boolean; on_name: boolean; on_call: boolean }[] = await tx.query(
      `SELECT id, client_id,
              coalesce(lower(caller_email) = $1, false) AS on_email,
              ${digits('caller_phone')} = ANY($2::text[]) AS on_phone,
              coalesce(${folded('caller_name')} = $3, false) AS on_name,
              call_id = ANY($4::uuid[]) AS on_call
         FROM caller_messages
        WHERE lower(caller_email) = $1 OR ${digits('caller_phone')} = ANY($2::text[]) OR ($5 AND ${folded('caller_name')} = $3)
              OR call_id = ANY($4::uuid[])
        ORDER BY created_at`,
      [keys.email, keys.phones, keys.name, callIds, keys.nameAlone],
    );
    for (const m of messages) {
      const on = fields(m);
      if (m.on_call) on.push('call');
      add(m.client_id, { kind: 'caller_message', id: m.id, matchedOn: on });
    }

    if (callIds.length) {
      const recordings: { id: string; client_id: string }[] = await tx.query(
        `SELECT id, client_id FROM recordings WHERE call_id = ANY($1::uuid[]) AND status <> 'deleted' ORDER BY created_at`,
        [callIds],
      );
      for (const r of recordings) add(r.client_id, { kind: 'recording', id: r.id, matchedOn: ['call'] });
    }
    return byClient;
  }
}
