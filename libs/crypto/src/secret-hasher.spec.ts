import {
  generateOneTimePassword,
  hmacKeyed,
  normalizeOneTimePassword,
  SecretHasher,
} from './secret-hasher';
import { randomBytes } from 'node:crypto';
import { hash as argonHash } from '@node-rs/argon2';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const OTP_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

describe('SecretHasher', () => {
  const hasher = new SecretHasher();

  it('hashes with argon2id m=19456 t=2 p=1 and verifies', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapler')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('is false, not an exception, for a missing or malformed hash or an empty secret', async () => {
    expect(await hasher.verify(undefined, 'x')).toBe(false);
    expect(await hasher.verify(null, 'x')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(await hasher.verify(await hasher.hash('x'), '')).toBe(false);
    await expect(hasher.hash('')).rejects.toThrow(RangeError);
  });

  it('asks for a rehash when the parameters changed', async () => {
    const old = await argonHash('pw', { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash('garbage')).toBe(true);
  });
});

describe('one-time passwords', () => {
  it('are 7 groups of 4 unambiguous Crockford symbols: 140 bits', () => {
    const otp = generateOneTimePassword();
    expect(otp).toMatch(OTP_FORMAT);
    const symbols = otp.replace(/-/g, '');
    expect(symbols.length * Math.log2(CROCKFORD.length)).toBeGreaterThanOrEqual(128);
    expect(otp).not.toMatch(/[ILOU]/);
  });

  it('are unique and use every symbol about equally', () => {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const otp = generateOneTimePassword();
      seen.add(otp);
      for (const c of otp.replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(2000);
    expect([...counts.keys()].sort().join('')).toBe(CROCKFORD);
    const expected = (2000 * 28) / 32;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(80); // 31 degrees of freedom; p < 1e-5 if exceeded
  });

  it('normalise what was typed or heard to the generated form', () => {
    const otp = generateOneTimePassword();
    expect(normalizeOneTimePassword(otp)).toBe(otp);
    expect(normalizeOneTimePassword(` ${otp.toLowerCase().replace(/-/g, ' ')} `)).toBe(otp);
    expect(normalizeOneTimePassword('ollo-i0I1')).toBe('0110-1011');
  });
});

describe('ingest keys and keyed hashes', () => {
  it('hmacKeyed is deterministic per key and reveals nothing without it', () => {
    const key = randomBytes(32);
    const h = hmacKeyed(key, '+447700900123');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacKeyed(key, '+447700900123')).toBe(h);
    expect(hmacKeyed(randomBytes(32), '+447700900123')).not.toBe(h);
    expect(hmacKeyed(key, '+447700900124')).not.toBe(h);
    expect(() => hmacKeyed(randomBytes(16), 'x')).toThrow(RangeError);
  });
});
