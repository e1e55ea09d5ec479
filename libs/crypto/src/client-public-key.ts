import { createPublicKey, X509Certificate } from 'node:crypto';
import * as forge from 'node-forge';

/* A client's RSA public key (bare SPKI or inside an X.509 certificate), for RSA-OAEP key delivery. */

export const MIN_RSA_BITS = 3072;
const MAX_PEM_CHARS = 64 * 1024;

export class KeyValidationError extends Error {
  override readonly name = 'KeyValidationError';
}

export interface ClientPublicKey {
  kind: 'public-key' | 'certificate';
  bits: number;
  /** SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex: the same key gives the same value in both kinds. */
  fingerprintSha256: string;
  /** The key alone, as SPKI PEM. */
  publicKeyPem: string;
  subject?: string;
  notAfter?: Date;
}

const fail = (message: string): never => {
  throw new KeyValidationError(message);
};

/** The key type Node reads from the DER, or undefined if Node cannot read it either. */
function otherKeyType(der: Buffer, kind: ClientPublicKey['kind']): string | undefined {
  try {
    const key = kind === 'certificate' ? new X509Certificate(der).publicKey : createPublicKey({ key: der, format: 'der', type: 'spki' });
    return key.asymmetricKeyType;
  } catch {
    return undefined;
  }
}

/** `now` (the injected clock's) decides whether a certificate has expired. */
export function parseClientPublicKey(pem: string, now: Date): ClientPublicKey {
  if (typeof pem !== 'string' || !pem.trim()) fail('empty input: expected a PEM RSA public key or X.509 certificate');
  if (pem.length > MAX_PEM_CHARS) fail(`input longer than ${MAX_PEM_CHARS} characters`);
  if (!/-----BEGIN [A-Z0-9 #]+-----/.test(pem)) fail('no PEM block found: expected "-----BEGIN PUBLIC KEY-----" or "-----BEGIN CERTIFICATE-----"');
  let blocks: forge.pem.ObjectPEM[] = [];
  try {
    blocks = forge.pem.decode(pem);
  } catch (error) {
    fail(`not valid PEM: ${(error as Error).message}`);
  }
  if (blocks.length === 0) fail('no PEM block found');
  if (blocks.length > 1) fail(`expected exactly one PEM block, found ${blocks.length} (send the certificate without its chain)`);
  const block = blocks[0];
  if (block.procType) fail('encrypted PEM is not accepted');
  if (/PRIVATE KEY/.test(block.type)) fail('this is a PRIVATE key: never send it; send the public key or a certificate');
  if (block.type === 'RSA PUBLIC KEY') fail('PKCS#1 "RSA PUBLIC KEY" is not accepted: convert it to SPKI ("BEGIN PUBLIC KEY")');
  const kind: ClientPublicKey['kind'] | undefined =
    block.type === 'PUBLIC KEY' ? 'public-key' : block.type === 'CERTIFICATE' ? 'certificate' : undefined;
  if (!kind) return fail(`unsupported PEM type "${block.type}": expected PUBLIC KEY or CERTIFICATE`);

  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(block.body);
  } catch (error) {
    return fail(`malformed ${kind}: ${(error as Error).message}`);
  }
  let key: forge.pki.rsa.PublicKey;
  let cert: forge.pki.Certificate | undefined;
  try {
    if (kind === 'certificate') {
      cert = forge.pki.certificateFromAsn1(asn1);
      key = cert.publicKey as forge.pki.rsa.PublicKey;
    } else {
      key = forge.pki.publicKeyFromAsn1(asn1);
    }
  } catch (error) {
    // forge reads RSA only; ask Node what the key is, to say "not RSA" rather than "malformed".
    const type = otherKeyType(Buffer.from(block.body, 'binary'), kind);
    if (type && type !== 'rsa') return fail(`not an RSA key (key type: ${type})`);
    return fail(`malformed ${kind}: ${(error as Error).message}`);
  }
  if (!key?.n || !key.e) return fail(`malformed ${kind}: no RSA public key`);

  const bits = key.n.bitLength();
  if (bits < MIN_RSA_BITS) fail(`RSA key is ${bits} bits; at least ${MIN_RSA_BITS} required`);
  // e = 1 or an even exponent is not a working RSA key; refuse rather than "encrypt" with it.
  if (key.e.compareTo(forge.jsbn.BigInteger.ONE) <= 0 || !key.e.testBit(0)) fail('RSA public exponent is invalid');
  if (cert && cert.validity.notAfter.getTime() < now.getTime()) {
    fail(`certificate expired on ${cert.validity.notAfter.toISOString()}`);
  }

  const fingerprintSha256 = forge.pki.getPublicKeyFingerprint(key, {
    md: forge.md.sha256.create(),
    type: 'SubjectPublicKeyInfo',
    encoding: 'hex',
  });
  const result: ClientPublicKey = {
    kind,
    bits,
    fingerprintSha256,
    publicKeyPem: forge.pki.publicKeyToPem(key).replace(/\r\n/g, '\n'),
  };
  if (cert) {
    result.subject = cert.subject.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(', ');
    result.notAfter = cert.validity.notAfter;
  }
  return result;
}
