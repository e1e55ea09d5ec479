import { createHmac, randomBytes } from 'node:crypto';
// otplib's umbrella package pulls in ESM-only base32 and hash plugins that Jest's CommonJS runtime cannot
// load; its own TOTP and URI packages with Node's crypto do the same work.
import { createCryptoPlugin } from '@otplib/core';
import { verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';

const ISSUER = 'CallVault';
const SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends for HMAC-SHA1
/** One step either side of now: a phone's clock a little off still works. */
const TOLERANCE_SECONDS = 30;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const nodeCrypto = createCryptoPlugin({
  name: 'node',
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
});

export const newTotpSecret = (): Buffer => randomBytes(SECRET_BYTES);

/** RFC 4648 base32 without padding, as authenticator apps expect. */
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const otpauthUrl = (label: string, secret: Buffer): string => generateTOTP({ issuer: ISSUER, label, secret: base32(secret) });

/** The time step a six-digit code matches at `at`, or null; steps up to `afterStep` are refused (replay). */
export async function matchingStep(secret: Buffer, code: string, at: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret: new Uint8Array(secret),
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    crypto: nodeCrypto,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => null);
  return result?.valid ? result.timeStep : null;
}
