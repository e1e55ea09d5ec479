import { randomBytes } from 'node:crypto';
import type { AppConfig } from '#config';
import { canonicalIdentifier, IdentifierHasher, normalizePhone, phoneDigitVariants } from './identifiers';

describe('identifiers', () => {
  it('reduces the usual ways of writing a UK number to the same international digits', () => {
    for (const written of ['+44 7700 900123', '0044 7700-900123', '07700 900123', '(07700) 900 123', '+44 (0)7700 900123']) {
      expect(normalizePhone(written)).toBe('447700900123');
    }
    expect(normalizePhone('+1 (415) 555-0100')).toBe('14155550100');
    expect(normalizePhone('12')).toBeNull();
  });

  it('lists the stored forms that mean the same number', () => {
    expect(phoneDigitVariants('+447700900123').sort()).toEqual(['00447700900123', '07700900123', '4407700900123', '447700900123']);
  });

  it('hashes identifiers under the derived key, equal for equal people and different per key', () => {
    const config = { masterKey: randomBytes(32) } as AppConfig;
    const hasher = new IdentifierHasher(config);
    expect(hasher.hash('email', ' Ann@Example.TEST ')).toBe(hasher.hash('email', 'ann@example.test'));
    expect(hasher.hash('phone', '07700 900123')).toBe(hasher.hash('phone', '+44 7700 900123'));
    expect(hasher.hash('email', 'ann@example.test')).not.toContain('ann');
    expect(new IdentifierHasher({ masterKey: randomBytes(32) } as AppConfig).hash('email', 'ann@example.test')).not.toBe(hasher.hash('email', 'ann@example.test'));
    expect(canonicalIdentifier('email', 'no-at-sign')).toBeNull();
  });
});
