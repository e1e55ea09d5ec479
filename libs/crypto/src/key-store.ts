import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ClientKeysRepository } from './client-keys.repository';
import { DataKeysRepository } from './data-keys.repository';
import { generateDataKey, KeyUnwrapError, unwrapKey, wrapKey } from './key-wrapping';

/** The data key does not exist for this client: never created, another client's, or destroyed (shredded). */
export class DataKeyNotFoundError extends Error {
  override readonly name = 'DataKeyNotFoundError';
  constructor(readonly dataKeyId: string) {
    super(`data key ${dataKeyId} not found for this client (destroyed or never existed)`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REWRAP_PAGE = 500;

const kekContext = (clientId: string, version: number) => `kek:${clientId}:${version}`;
const dekContext = (clientId: string, dataKeyId: string) => `dek:${clientId}:${dataKeyId}`;

function assertClientId(clientId: string): void {
  if (!UUID.test(clientId)) throw new RangeError('clientId must be a UUID');
}

/**
 * Keys at rest: master key (config) → client KEKs (client_keys) → data keys (data_keys).
 * Every method takes an optional EntityManager so callers can act inside their own transaction.
 */
@Injectable()
export class KeyStore {
  private readonly manager: EntityManager;

  constructor(
    private readonly config: AppConfig,
    @Inject(DataSource) db: DataSource | EntityManager,
    private readonly clientKeys: ClientKeysRepository,
    private readonly dataKeys: DataKeysRepository,
  ) {
    this.manager = db instanceof EntityManager ? db : db.manager;
  }

  /** A fresh data key for one recording; creates the client's first KEK (version 1) on first use. */
  async createDataKey(clientId: string, manager?: EntityManager): Promise<{ id: string; key: Buffer }> {
    assertClientId(clientId);
    return this.inTransaction(manager, async (m) => {
      await this.clientKeys.lockShared(m, clientId);
      const kek = (await this.activeKek(m, clientId)) ?? (await this.createFirstKek(m, clientId));
      const id = randomUUID();
      const key = generateDataKey();
      try {
        await this.dataKeys.insert(m, { id, clientId, clientKeyId: kek.id, wrappedKey: wrapKey(kek.key, key, dekContext(clientId, id)) });
      } finally {
        kek.key.fill(0);
      }
      return { id, key };
    });
  }

  /** The data key, only if it belongs to clientId; DataKeyNotFoundError otherwise. */
  async getDataKey(clientId: string, dataKeyId: string, manager?: EntityManager): Promise<Buffer> {
    // Ids may come from an unauthenticated object header: a malformed one is simply not found.
    if (!UUID.test(clientId) || !UUID.test(dataKeyId)) throw new DataKeyNotFoundError(dataKeyId);
    const row = await this.dataKeys.withClientKey(manager ?? this.manager, clientId, dataKeyId);
    if (!row?.clientKey || row.clientKey.clientId !== clientId) throw new DataKeyNotFoundError(dataKeyId);
    const kek = unwrapKey(this.config.masterKey, row.clientKey.wrappedKey, kekContext(clientId, row.clientKey.version));
    try {
      return unwrapKey(kek, row.wrappedKey, dekContext(clientId, dataKeyId));
    } finally {
      kek.fill(0);
    }
  }

  /** Crypto-shredding: deletes the wrapped data key. Idempotent; true if a row was deleted now. */
  async destroyDataKey(clientId: string, dataKeyId: string, manager?: EntityManager): Promise<boolean> {
    if (!UUID.test(clientId) || !UUID.test(dataKeyId)) return false;
    return this.dataKeys.delete(manager ?? this.manager, clientId, dataKeyId);
  }

  /**
   * New KEK version for the client; re-wraps all its data keys under it and retires the old KEK, in one
   * transaction. Recordings are untouched: only the 32-byte data keys are re-wrapped.
   */
  async rotateClientKey(clientId: string, manager?: EntityManager): Promise<{ version: number; rewrapped: number }> {
    assertClientId(clientId);
    return this.inTransaction(manager, async (m) => {
      await this.clientKeys.lockExclusive(m, clientId);
      const master = this.config.masterKey;
      const oldKeks = await this.clientKeys.allOf(m, clientId);
      const unwrapped = new Map(oldKeks.map((k) => [k.id, unwrapKey(master, k.wrappedKey, kekContext(clientId, k.version))]));
      const version = oldKeks.reduce((max, k) => Math.max(max, k.version), 0) + 1;
      const kekId = randomUUID();
      const kek = generateDataKey();
      try {
        // Retire first: the partial unique index allows one active KEK per client.
        await this.clientKeys.retireActive(m, clientId);
        await this.clientKeys.insert(m, { id: kekId, clientId, version, status: 'active', wrappedKey: wrapKey(master, kek, kekContext(clientId, version)) });
        let rewrapped = 0;
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const page = await this.dataKeys.notWrappedBy(m, clientId, kekId, after, REWRAP_PAGE);
          if (!page.length) break;
          const wrapped = page.map((d) => {
            const oldKek = unwrapped.get(d.clientKeyId);
            if (!oldKek) throw new KeyUnwrapError(`data key ${d.id} is wrapped by a KEK of another client`);
            const key = unwrapKey(oldKek, d.wrappedKey, dekContext(clientId, d.id));
            try {
              return wrapKey(kek, key, dekContext(clientId, d.id));
            } finally {
              key.fill(0);
            }
          });
          await this.dataKeys.rewrap(m, clientId, kekId, page.map((d) => d.id), wrapped);
          rewrapped += page.length;
          after = page[page.length - 1].id;
        }
        return { version, rewrapped };
      } finally {
        kek.fill(0);
        for (const key of unwrapped.values()) key.fill(0);
      }
    });
  }

  /** Runs in the caller's transaction (as a savepoint) or a new one. */
  private inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return (manager ?? this.manager).transaction(work);
  }

  private async activeKek(m: EntityManager, clientId: string): Promise<{ id: string; key: Buffer } | undefined> {
    const row = await this.clientKeys.active(m, clientId);
    if (!row) return undefined;
    return { id: row.id, key: unwrapKey(this.config.masterKey, row.wrappedKey, kekContext(clientId, row.version)) };
  }

  private async createFirstKek(m: EntityManager, clientId: string): Promise<{ id: string; key: Buffer }> {
    const key = generateDataKey();
    // Two first uploads for a new client may race: the loser's insert does nothing and it reads the winner's.
    await this.clientKeys.insertUnlessPresent(m, { id: randomUUID(), clientId, version: 1, status: 'active', wrappedKey: wrapKey(this.config.masterKey, key, kekContext(clientId, 1)) });
    key.fill(0);
    const kek = await this.activeKek(m, clientId);
    if (!kek) throw new Error(`could not create a key-encryption key for client ${clientId}`);
    return kek;
  }
}
