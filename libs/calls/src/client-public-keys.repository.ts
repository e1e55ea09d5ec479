import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClientPublicKeyRecord } from './client-public-key.entity';

/** The SQL on `client_public_keys` (one key per client). Every method takes the caller's manager or transaction. */
@Injectable()
export class ClientPublicKeysRepository {
  /** The fingerprint of the client's key now, if it has one. */
  fingerprintOf(tx: EntityManager, clientId: string): Promise<Pick<ClientPublicKeyRecord, 'clientId' | 'fingerprintSha256'> | null> {
    return tx.findOne(ClientPublicKeyRecord, { where: { clientId }, select: { clientId: true, fingerprintSha256: true } });
  }

  /** Registers the client's key, replacing any it had; answers the record as written. */
  async register(tx: EntityManager, fields: Partial<ClientPublicKeyRecord>): Promise<ClientPublicKeyRecord> {
    const record = tx.create(ClientPublicKeyRecord, fields);
    await tx.upsert(ClientPublicKeyRecord, record, ['clientId']);
    return record;
  }

  ofClient(manager: EntityManager, clientId: string): Promise<ClientPublicKeyRecord | null> {
    return manager.findOne(ClientPublicKeyRecord, { where: { clientId } });
  }
}
