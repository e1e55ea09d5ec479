import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '#database';
import { ClientKey } from './entities/client-key.entity';

// "This client's KEKs": creators share the lock, rotation takes it alone, so no data key can be wrapped
// under a KEK that a concurrent rotation is about to retire.
const LOCK_NAMESPACE = ADVISORY_LOCKS.perClient.keyEncryptionKeys;

type NewClientKey = Pick<ClientKey, 'id' | 'clientId' | 'version' | 'status' | 'wrappedKey'>;

/** The SQL on `client_keys` (the clients' KEKs). Every method takes the caller's transaction. */
@Injectable()
export class ClientKeysRepository {
  /** Holds the client's KEKs against rotation until the transaction ends (data keys are being wrapped). */
  async lockShared(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [LOCK_NAMESPACE, clientId]);
  }

  /** Holds the client's KEKs alone until the transaction ends (rotation). */
  async lockExclusive(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, clientId]);
  }

  active(tx: EntityManager, clientId: string): Promise<ClientKey | null> {
    return tx.findOne(ClientKey, { where: { clientId, status: 'active' } });
  }

  allOf(tx: EntityManager, clientId: string): Promise<ClientKey[]> {
    return tx.find(ClientKey, { where: { clientId } });
  }

  /** Inserts the KEK; does nothing when it conflicts with one already there. */
  async insertUnlessPresent(tx: EntityManager, key: NewClientKey): Promise<void> {
    await tx.createQueryBuilder().insert().into(ClientKey).values(key).orIgnore().execute();
  }

  async insert(tx: EntityManager, key: NewClientKey): Promise<void> {
    await tx.insert(ClientKey, key);
  }

  async retireActive(tx: EntityManager, clientId: string): Promise<void> {
    await tx.update(ClientKey, { clientId, status: 'active' }, { status: 'retired' });
  }
}
