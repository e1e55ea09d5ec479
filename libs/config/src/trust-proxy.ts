import { isIP } from 'node:net';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** What Express's `trust proxy` setting takes: false, a hop count, or named ranges, addresses and CIDRs. */
export type TrustProxy = false | number | string;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF = new Set(['false', 'off', 'none', '0']);

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses TRUST_PROXY. Unset or "false" trusts nobody (X-Forwarded-For ignored); "true" is refused,
 * because trusting every hop lets any client name its own address.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase();
  if (!value || OFF.has(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((entry) => entry.trim())
    .join(',');
}

@ValidatorConstraint({ name: 'trustProxy' })
export class TrustProxyValue implements ValidatorConstraintInterface {
  validate(raw: unknown): boolean {
    if (typeof raw !== 'string') return false;
    const value = raw.trim().toLowerCase();
    if (OFF.has(value) || /^\d{1,2}$/.test(value)) return true;
    return value.split(',').every((entry) => validEntry(entry.trim()));
  }

  defaultMessage(): string {
    return 'must be a hop count, loopback, linklocal, uniquelocal, or comma-separated IP addresses and CIDRs (not "true")';
  }
}
