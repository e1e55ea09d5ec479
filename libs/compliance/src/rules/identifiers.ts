import { Injectable } from '@nestjs/common';
import { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppConfig } from '#config';
import { deriveKey, hmacKeyed } from '#crypto';

/**
 * How a person is recognised across tables that wrote their details differently: e-mail addresses
 * compared lower-cased, names compared case- and space-insensitively, and phone numbers reduced to
 * international digits (UK national numbers, the operator's home market, become +44).
 */
export interface PersonIdentifiers {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** The operator's home market: a number written without a country code is read as a UK number. */
const HOME_COUNTRY = 'GB';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
export const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * International digits without '+', e.g. '447700900123'; null when it cannot be a phone number.
 * libphonenumber-js reads the ways people write numbers ('+44 (0)7700…', '0044…', national UK numbers).
 */
export function normalizePhone(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone.trim(), HOME_COUNTRY);
  return parsed?.isPossible() ? parsed.number.slice(1) : null;
}

/**
 * The digit strings a stored number may reduce to when it means the same phone: '+44 7700 900123',
 * '0044 7700 900123', '+44 (0)7700 900123' and '07700 900123' all mean '447700900123'. For SQL `IN` lists.
 */
export function phoneDigitVariants(phone: string): string[] {
  const parsed = parsePhoneNumberFromString(phone.trim(), HOME_COUNTRY);
  if (!parsed?.isPossible()) return [];
  const international = parsed.number.slice(1);
  const variants = new Set([international, `00${international}`, `${parsed.countryCallingCode}0${parsed.nationalNumber}`]);
  if (parsed.countryCallingCode === getCountryCallingCode(HOME_COUNTRY)) variants.add(`0${parsed.nationalNumber}`);
  return [...variants];
}

export type IdentifierKind = 'email' | 'phone';

/** The canonical text that is keyed-hashed for each kind of identifier. */
export function canonicalIdentifier(kind: IdentifierKind, value: string): string | null {
  if (kind === 'email') {
    const email = normalizeEmail(value);
    return email.includes('@') ? email : null;
  }
  const phone = normalizePhone(value);
  return phone ? `+${phone}` : null;
}

/**
 * Keyed hashes of identifiers (HMAC-SHA256 under a key derived from the master key): the suppression
 * list and consent look-ups compare these, so the list itself reveals no address or number.
 */
@Injectable()
export class IdentifierHasher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = deriveKey(config.masterKey, 'compliance/identifier-hash');
  }

  hash(kind: IdentifierKind, value: string): string | null {
    const canonical = canonicalIdentifier(kind, value);
    return canonical ? hmacKeyed(this.key, `${kind}:${canonical}`) : null;
  }

  /** Every (kind, hash) pair the given identifiers yield. */
  hashes(person: PersonIdentifiers): { kind: IdentifierKind; hash: string }[] {
    const out: { kind: IdentifierKind; hash: string }[] = [];
    for (const kind of ['email', 'phone'] as const) {
      const value = person[kind];
      const hash = value ? this.hash(kind, value) : null;
      if (hash) out.push({ kind, hash });
    }
    return out;
  }
}
