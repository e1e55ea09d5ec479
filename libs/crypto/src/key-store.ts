import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '#database';
import { ClientKey } from './entities/client-key.entity';
import { DataKey } from './entities/data-key.entity';
import { generateDataKey, KeyUnwrapError, unwrapKey, wrapKey } from './key-wrapping';

/** The data key does not exist for this client: never created, another client's, or destroyed (shredded). */
export class DataKeyNotFoundError extends Error {
  override readonly name = 'DataKeyNotFoundError';
  constructor(readonly dataKeyId: string) {
    super(`data key ${dataKeyId} not found for this client (destroyed or never existed)`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// "This client's KEKs": creators share the lock, rotation takes it alone, so no data key can be wrapped
// under a KEK that a concurrent rotation is about to retire.
const LOCK_NAMESPACE = ADVISORY_LOCKS.perClient.keyEncryptionKeys;
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
  ) {
    this.manager = db instanceof EntityManager ? db : db.manager;
  }

  /** A fresh data key for one recording; creates the client's first KEK (version 1) on first use. */
  async createDataKey(clientId: string, manager?: EntityManager): Promise<{ id: string; key: Buffer }> {
    assertClientId(clientId);
    return this.inTransaction(manager, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [LOCK_NAMESPACE, clientId]);
      const kek = (await this.activeKek(m, clientId)) ?? (await this.createFirstKek(m, clientId));
      const id = randomUUID();
      const key = generateDataKey();
      try {
        await m.insert(DataKey, { id, clientId, clientKeyId: kek.id, wrappedKey: wrapKey(kek.key, key, dekContext(clientId, id)) });
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
    const row = await (manager ?? this.manager).findOne(DataKey, {
      where: { id: dataKeyId, clientId },
      relations: { clientKey: true },
    });
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
    const result = await (manager ?? this.manager).delete(DataKey, { id: dataKeyId, clientId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * New KEK version for the client; re-wraps all its data keys under it and retires the old KEK, in one
   * transaction. Recordings are untouched: only the 32-byte data keys are re-wrapped.
   */
  async rotateClientKey(clientId: string, manager?: EntityManager): Promise<{ version: number; rewrapped: number }> {
    assertClientId(clientId);
    return this.inTransaction(manager, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, clientId]);
      const master = this.config.masterKey;
      const oldKeks = await m.find(ClientKey, { where: { clientId } });
      const unwrapped = new Map(oldKeks.map((k) => [k.id, unwrapKey(master, k.wrappedKey, kekContext(clientId, k.version))]));
      const version = oldKeks.reduce((max, k) => Math.max(max, k.version), 0) + 1;
      const kekId = randomUUID();
      const kek = generateDataKey();
      try {
        // Retire first: the partial unique index allows one active KEK per client.
        await m.update(ClientKey, { clientId, status: 'active' }, { status: 'retired' });
        await m.insert(ClientKey, { id: kekId, clientId, version, status: 'active', wrappedKey: wrapKey(master, kek, kekContext(clientId, version)) });
        let rewrapped = 0;
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const page = await m
            .createQueryBuilder(DataKey, 'd')
            .where('d.client_id = :clientId AND d.client_key_id <> :kekId AND d.id > :after', { clientId, kekId, after })
            .orderBy('d.id', 'ASC')
            .limit(REWRAP_PAGE)
            .getMany();
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
          await m.query(
            `UPDATE "data_keys" AS d SET "wrapped_key" = v.wrapped_key, "client_key_id" = $1
               FROM unnest($2::uuid[], $3::bytea[]) AS v(id, wrapped_key)
              WHERE d."id" = v.id AND d."client_id" = $4`,
            [kekId, page.map((d) => d.id), wrapped, clientId],
          );
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
    const row = await m.findOne(ClientKey, { where: { clientId, status: 'active' } });
    if (!row) return undefined;
    return { id: row.id, key: unwrapKey(this.config.masterKey, row.wrappedKey, kekContext(clientId, row.version)) };
  }

  private async createFirstKek(m: EntityManager, clientId: string): Promise<{ id: string; key: Buffer }> {
    const key = generateDataKey();
    // Two first uploads for a new client may race: the loser's insert does nothing and it reads the winner's.
    await m
      .createQueryBuilder()
      .insert()
      .into(ClientKey)
      .values({ id: randomUUID(), clientId, version: 1, status: 'active', wrappedKey: wrapKey(this.config.masterKey, key, kekContext(clientId, 1)) })
      .orIgnore()
      .execute();
    key.fill(0);
    const kek = await this.activeKek(m, clientId);
    if (!kek) throw new Error(`could not create a key-encryption key for client ${clientId}`);
    return kek;
  }
}
