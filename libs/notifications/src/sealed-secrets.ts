import { Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { deriveKey, unwrapKey, wrapKey } from '#crypto';

/**
 * Secrets notices must be able to use again: webhook signing secrets (to sign every send) and a
 * delivery's one-time password (until its notice is sent). Wrapped with AES-256-GCM under a key
 * derived from the master key, bound to the row they belong to, so a copied value does not unwrap.
 */
@Injectable()
export class SealedSecrets {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = deriveKey(config.masterKey, 'notification-secrets');
  }

  seal(context: string, secret: string): Buffer {
    return wrapKey(this.key, Buffer.from(secret, 'utf8'), context);
  }

  open(context: string, sealed: Buffer): string {
    const plain = unwrapKey(this.key, sealed, context);
    try {
      return plain.toString('utf8');
    } finally {
      plain.fill(0);
    }
  }
}
