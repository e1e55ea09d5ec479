import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { ClientsService } from '#clients';
import { KeyValidationError, parseClientPublicKey } from '#crypto';
import { NotFoundError } from '#errors';
import { ClientPublicKeyRecord } from './client-public-key.entity';
import { ClientPublicKeysRepository } from './client-public-keys.repository';
import { InvalidInputError } from './errors';


/**
 * A client's RSA public key (or certificate) for end-to-end delivery: validated with node-forge
 * (SPKI or X.509, RSA ≥ 3072 bits, sane exponent, not expired), stored with its SHA-256 fingerprint.
 * Registering again replaces the key; both are audited.
 */
@Injectable()
export class ClientPublicKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly keys: ClientPublicKeysRepository,
  ) {}

  async register(actor: { id: string }, clientId: string, pem: string): Promise<ClientPublicKeyRecord> {
    const now = this.clock.now();
    let parsed: ReturnType<typeof parseClientPublicKey>;
    try {
      parsed = parseClientPublicKey(pem, now);
    } catch (error) {
      if (error instanceof KeyValidationError) throw new InvalidInputError(error.message, 'public_key_invalid');
      throw error;
    }
    return this.dataSource.transaction(async (tx) => {
      await this.clients.get(clientId, tx);
      const previous = await this.keys.fingerprintOf(tx, clientId);
      const record = await this.keys.register(tx, {
        clientId,
        kind: parsed.kind,
        bits: parsed.bits,
        fingerprintSha256: parsed.fingerprintSha256,
        publicKeyPem: parsed.publicKeyPem,
        certificatePem: parsed.kind === 'certificate' ? pem.trim() : null,
        subject: parsed.subject?.slice(0, 1000) ?? null,
        notAfter: parsed.notAfter ?? null,
        registeredBy: actor.id,
        registeredAt: now,
      });
      await this.audit.append(
        {
          actor: { id: actor.id, role: 'admin' },
          clientId,
          dataRole: 'controller',
          purpose: 'security',
          action: previous ? 'client.public_key.replace' : 'client.public_key.register',
          subject: { type: 'client', id: clientId },
          outcome: 'success',
          details: { kind: parsed.kind, bits: parsed.bits, fingerprintSha256: parsed.fingerprintSha256, previousFingerprintSha256: previous?.fingerprintSha256 ?? null },
        },
        tx,
      );
      return record;
    });
  }

  async get(clientId: string): Promise<ClientPublicKeyRecord> {
    const record = await this.keys.ofClient(this.dataSource.manager, clientId);
    if (!record) throw new NotFoundError('Public key');
    return record;
  }
}
