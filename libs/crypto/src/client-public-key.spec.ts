import { createHash, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import * as forge from 'node-forge';
import { KeyValidationError, parseClientPublicKey } from './client-public-key';

const generate = promisify(generateKeyPair);

async function rsaPair(bits: number) {
  return generate('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** A self-signed certificate for the key, made with forge (signing only; keygen stays native). */
function certificate(publicKeyPem: string, privateKeyPem: string, notAfter: Date): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(notAfter.getTime() - 365 * 86400_000);
  cert.validity.notAfter = notAfter;
  const attrs = [
    { shortName: 'CN', value: 'Acme Plumbing recordings' },
    { shortName: 'O', value: 'Acme Plumbing Ltd' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

const spkiSha256 = (pem: string) =>
  createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('hex');

describe('parseClientPublicKey', () => {
  let rsa3072: { publicKey: string; privateKey: string };
  let rsa2048: { publicKey: string; privateKey: string };

  beforeAll(async () => {
    [rsa3072, rsa2048] = await Promise.all([rsaPair(3072), rsaPair(2048)]);
  });

  const refuse = (pem: string, message: RegExp) => {
    expect(() => parseClientPublicKey(pem, new Date())).toThrow(KeyValidationError);
    expect(() => parseClientPublicKey(pem, new Date())).toThrow(message);
  };

  it('accepts a 3072-bit SPKI public key', () => {
    const key = parseClientPublicKey(rsa3072.publicKey, new Date());
    expect(key).toMatchObject({ kind: 'public-key', bits: 3072 });
    expect(key.fingerprintSha256).toBe(spkiSha256(rsa3072.publicKey));
    expect(createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'pem' })).toBe(rsa3072.publicKey);
    expect(key.subject).toBeUndefined();
  });

  it('accepts a certificate and gives the same key fingerprint', () => {
    const notAfter = new Date(Date.now() + 30 * 86400_000);
    notAfter.setMilliseconds(0);
    const key = parseClientPublicKey(certificate(rsa3072.publicKey, rsa3072.privateKey, notAfter), new Date());
    expect(key).toMatchObject({ kind: 'certificate', bits: 3072, subject: 'CN=Acme Plumbing recordings, O=Acme Plumbing Ltd' });
    expect(key.notAfter?.getTime()).toBe(notAfter.getTime());
    expect(key.fingerprintSha256).toBe(spkiSha256(rsa3072.publicKey));
  });

  it('refuses RSA below 3072 bits, as a key or in a certificate', () => {
    refuse(rsa2048.publicKey, /2048 bits; at least 3072 required/);
    refuse(certificate(rsa2048.publicKey, rsa2048.privateKey, new Date(Date.now() + 86400_000)), /2048 bits/);
  });

  it('refuses an expired certificate', () => {
    refuse(certificate(rsa3072.publicKey, rsa3072.privateKey, new Date('2020-01-01T00:00:00Z')), /certificate expired on 2020-01-01/);
  });

  it('refuses non-RSA keys, naming the type', async () => {
    const ec = await generate('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    refuse(ec.publicKey, /not an RSA key \(key type: ec\)/);
  });

  it('refuses private keys, PKCS#1, chains and garbage', () => {
    refuse(rsa3072.privateKey, /PRIVATE key/);
    refuse(createPublicKey(rsa3072.publicKey).export({ type: 'pkcs1', format: 'pem' }) as string, /PKCS#1/);
    refuse(rsa3072.publicKey + rsa3072.publicKey, /exactly one PEM block, found 2/);
    refuse('', /empty input/);
    refuse('hello world', /no PEM block found/);
    refuse('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', /malformed public-key/);
    refuse('-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END CERTIFICATE-----\n', /malformed certificate/);
    refuse('-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n', /unsupported PEM type "FOO"/);
  });
});
