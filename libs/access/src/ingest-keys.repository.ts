import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { IngestKey } from './ingest-key.entity';

/** The SQL on `ingest_keys`. Every method takes the caller's manager or transaction. */
@Injectable()
export class IngestKeysRepository {
  create(tx: EntityManager, fields: Pick<IngestKey, 'clientId' | 'label' | 'secretHash'>): Promise<IngestKey> {
    return tx.save(tx.create(IngestKey, fields));
  }

  ofClient(manager: EntityManager, clientId: string): Promise<IngestKey[]> {
    return manager.find(IngestKey, { where: { clientId }, order: { createdAt: 'ASC' } });
  }

  /** True when the client's key was still in force. */
  async revoke(tx: EntityManager, clientId: string, id: string, at: Date): Promise<boolean> {
    const result = await tx.update(IngestKey, { id, clientId, revokedAt: IsNull() }, { revokedAt: at });
    return Boolean(result.affected);
  }

  findUnrevoked(manager: EntityManager, id: string): Promise<IngestKey | null> {
    return manager.findOne(IngestKey, { where: { id, revokedAt: IsNull() } });
  }

  /** A successful use: the failure count starts again; `secretHash` when the stored hash is replaced (rehash). */
  async recordUse(manager: EntityManager, id: string, at: Date, secretHash?: string): Promise<void> {
    await manager.update(IngestKey, { id }, { lastUsedAt: at, failedAttempts: 0, failureWindowStartedAt: null, ...(secretHash ? { secretHash } : {}) });
  }

  /** The key, row-locked until the transaction ends (failures counted one at a time). */
  lockById(tx: EntityManager, id: string): Promise<IngestKey | null> {
    return tx.findOne(IngestKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setFailureState(tx: EntityManager, id: string, state: Partial<Pick<IngestKey, 'failedAttempts' | 'failureWindowStartedAt' | 'blockedUntil'>>): Promise<void> {
    await tx.update(IngestKey, { id }, state);
  }
}
