import { randomBytes } from 'node:crypto';
import { deriveKey, generateDataKey, KeyUnwrapError, unwrapKey, wrapKey } from './key-wrapping';

describe('key wrapping', () => {
  const kek = generateDataKey();
  const dek = generateDataKey();

  it('generates 32 random bytes', () => {
    expect(dek).toHaveLength(32);
    expect(generateDataKey().equals(dek)).toBe(false);
  });

  it('round-trips, and each wrap is fresh', () => {
    const a = wrapKey(kek, dek, 'dek:c1:k1');
    const b = wrapKey(kek, dek, 'dek:c1:k1');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(dek)).toBe(false);
    expect(unwrapKey(kek, a, 'dek:c1:k1').equals(dek)).toBe(true);
  });

  it('refuses a wrapped key moved to another row, client or version', () => {
    const wrapped = wrapKey(kek, dek, 'kek:client-a:1');
    for (const context of ['kek:client-b:1', 'kek:client-a:2', 'dek:client-a:1', 'kek:client-a:1 ']) {
      expect(() => unwrapKey(kek, wrapped, context)).toThrow(KeyUnwrapError);
    }
  });

  it('refuses the wrong wrapping key, tampering and garbage', () => {
    const wrapped = wrapKey(kek, dek, 'ctx');
    expect(() => unwrapKey(randomBytes(32), wrapped, 'ctx')).toThrow(/failed authentication/);
    for (let i = 0; i < wrapped.length; i++) {
      const t = Buffer.from(wrapped);
      t[i] ^= 0x80;
      expect(() => unwrapKey(kek, t, 'ctx')).toThrow(KeyUnwrapError);
    }
    expect(() => unwrapKey(kek, wrapped.subarray(0, 20), 'ctx')).toThrow(/malformed/);
    expect(() => wrapKey(randomBytes(16), dek, 'ctx')).toThrow(RangeError);
    expect(() => wrapKey(kek, dek, '')).toThrow(RangeError);
  });

  it('derives independent purpose-bound subkeys', () => {
    const master = randomBytes(32);
    expect(deriveKey(master, 'suppression').equals(deriveKey(master, 'suppression'))).toBe(true);
    expect(deriveKey(master, 'suppression').equals(deriveKey(master, 'ingest-key'))).toBe(false);
    expect(deriveKey(master, 'x', 64)).toHaveLength(64);
  });
});
