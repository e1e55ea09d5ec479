import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '#config';
import { deriveKey, hmacKeyed } from '#crypto';

const PREFIX = 'hmac-sha256:';

/**
 * Keyed SHA-256 for high-entropy secrets (ingest keys, password-reset tokens) and for identifiers that
 * must not be stored in the clear (the sign-in lockout's account key). A slow hash adds nothing to 256
 * random bits; the key (derived from MASTER_KEY) makes a stolen table useless on its own.
 */
@Injectable()
export class KeyedHasher {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly config: AppConfig) {}

  /** 'hmac-sha256:<hex>', bound to a purpose so one kind of secret never matches another's hash. */
  digest(purpose: string, value: string): string {
    let key = this.keys.get(purpose);
    if (!key) {
      key = deriveKey(this.config.masterKey, `keyed-hash/${purpose}`);
      this.keys.set(purpose, key);
    }
    return PREFIX + hmacKeyed(key, value);
  }

  /** Constant-time comparison of a stored digest with a presented value. */
  matches(purpose: string, stored: string, presented: string): boolean {
    const expected = Buffer.from(stored, 'utf8');
    const actual = Buffer.from(this.digest(purpose, presented), 'utf8');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  static isKeyedDigest(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }
}
