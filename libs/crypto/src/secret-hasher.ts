import { Injectable } from '@nestjs/common';
import { hash as argonHash, parseOptions, verify as argonVerify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { createHmac, randomBytes, randomInt } from 'node:crypto';

// OWASP's argon2id baseline. Algorithm is an ambient const enum, unusable under isolatedModules: 2 = Argon2id.
const ARGON2ID = 2 as Algorithm;
const ARGON_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const MAX_SECRET_BYTES = 1024;

// Crockford base32: no I, L, O, U, so a password read out over the phone has no look-alikes.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const OTP_GROUPS = 7;
const OTP_GROUP_LENGTH = 4; // 28 symbols x 5 bits = 140 bits of entropy

/** A one-time password such as 'K7Q2-9XMD-...' (7 groups of 4 Crockford base32 symbols, 140 bits). */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < OTP_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < OTP_GROUP_LENGTH; i++) group += CROCKFORD[randomInt(CROCKFORD.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * What a person typed or heard, in the canonical form that was hashed: case, spaces and dashes do not
 * matter, and O/I/L read as 0/1/1 as Crockford prescribes. Hash and verify the canonical form.
 */
export function normalizeOneTimePassword(input: string): string {
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const groups = symbols.match(new RegExp(`.{1,${OTP_GROUP_LENGTH}}`, 'g')) ?? [];
  return groups.join('-');
}

/**
 * Keyed hash (HMAC-SHA256, hex) of an identifier, e.g. a phone number on a suppression list: equal inputs
 * match, but the list reveals nothing without the key. Normalise the value (E.164, lower-case email) first.
 */
export function hmacKeyed(key: Buffer, value: string | Buffer): string {
  if (!Buffer.isBuffer(key) || key.length < 32) throw new RangeError('HMAC key must be at least 32 bytes');
  return createHmac('sha256', key).update(value).digest('hex');
}

function checkSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0) throw new RangeError('secret must be a non-empty string');
  if (Buffer.byteLength(secret) > MAX_SECRET_BYTES) throw new RangeError(`secret longer than ${MAX_SECRET_BYTES} bytes`);
}

/** Slow hashes for passwords and one-time passwords (argon2id, m=19456 KiB, t=2, p=1). */
@Injectable()
export class SecretHasher {
  private dummy?: Promise<string>;

  async hash(secret: string): Promise<string> {
    checkSecret(secret);
    return argonHash(secret, ARGON_OPTIONS);
  }

  /**
   * True when `secret` matches. A missing or malformed hash is false, after the same work as a real
   * check, so "no such user" and "wrong password" take the same time.
   */
  async verify(hash: string | null | undefined, secret: string): Promise<boolean> {
    if (typeof secret !== 'string' || secret.length === 0 || Buffer.byteLength(secret) > MAX_SECRET_BYTES) return false;
    if (!hash) {
      this.dummy ??= argonHash(randomBytes(16).toString('hex'), ARGON_OPTIONS);
      await argonVerify(await this.dummy, secret).catch(() => false);
      return false;
    }
    try {
      return await argonVerify(hash, secret);
    } catch {
      return false;
    }
  }

  /** True when the hash was made with other parameters than today's (rehash after a successful login). */
  needsRehash(hash: string): boolean {
    try {
      const o = parseOptions(hash);
      return (
        o.algorithm !== ARGON2ID ||
        o.memoryCost !== ARGON_OPTIONS.memoryCost ||
        o.timeCost !== ARGON_OPTIONS.timeCost ||
        o.parallelism !== ARGON_OPTIONS.parallelism
      );
    } catch {
      return true;
    }
  }

  generateOneTimePassword(): string {
    return generateOneTimePassword();
  }

  hmacKeyed(key: Buffer, value: string | Buffer): string {
    return hmacKeyed(key, value);
  }
}
