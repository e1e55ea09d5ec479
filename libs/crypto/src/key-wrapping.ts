import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Key hierarchy: master key (config) wraps each client's key-encryption keys (KEKs); a KEK wraps data
 * keys; a data key encrypts one recording. Wrapped form: version(1) || iv(12) || ciphertext || tag(16),
 * AES-256-GCM with the context string as AAD. The context names the row the wrapped key belongs to
 * ('kek:<clientId>:<version>', 'dek:<clientId>:<dataKeyId>'), so a wrapped key copied to another row,
 * client or version fails to unwrap instead of silently serving the wrong tenant.
 */

const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD_PREFIX = 'callvault/key-wrap/v1:';

export class KeyUnwrapError extends Error {
  override readonly name = 'KeyUnwrapError';
}

function checkWrappingKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new RangeError('wrapping key must be 32 bytes');
}

function aad(context: string): Buffer {
  if (!context) throw new RangeError('key wrapping needs a non-empty context');
  return Buffer.from(AAD_PREFIX + context, 'utf8');
}

/** A fresh random 256-bit key. */
export function generateDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapKey(wrappingKey: Buffer, key: Buffer, context: string): Buffer {
  checkWrappingKey(wrappingKey);
  if (!Buffer.isBuffer(key) || key.length === 0) throw new RangeError('key to wrap must be a non-empty Buffer');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([Buffer.of(WRAP_VERSION), iv, body, cipher.getAuthTag()]);
}

export function unwrapKey(wrappingKey: Buffer, wrapped: Buffer, context: string): Buffer {
  checkWrappingKey(wrappingKey);
  if (!Buffer.isBuffer(wrapped) || wrapped.length <= 1 + IV_BYTES + TAG_BYTES || wrapped[0] !== WRAP_VERSION) {
    throw new KeyUnwrapError(`wrapped key for '${context}' is malformed or of an unknown version`);
  }
  const iv = wrapped.subarray(1, 1 + IV_BYTES);
  const tag = wrapped.subarray(wrapped.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(context));
  decipher.setAuthTag(tag);
  const key = decipher.update(wrapped.subarray(1 + IV_BYTES, wrapped.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    key.fill(0);
    throw new KeyUnwrapError(`wrapped key for '${context}' failed authentication (wrong wrapping key or context)`);
  }
  return key;
}

/** Derives an independent purpose-bound subkey (e.g. the suppression-list HMAC key from the master key). */
export function deriveKey(inputKey: Buffer, purpose: string, length = 32): Buffer {
  if (!purpose) throw new RangeError('deriveKey needs a purpose label');
  return Buffer.from(hkdfSync('sha256', inputKey, Buffer.alloc(0), `callvault/derive/v1:${purpose}`, length));
}
