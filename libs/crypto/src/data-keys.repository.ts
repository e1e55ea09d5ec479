import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataKey } from './entities/data-key.entity';

/** The SQL on `data_keys` (one wrapped key per recording). Every method takes the caller's manager or transaction. */
@Injectable()
export class DataKeysRepository {
  async insert(tx: EntityManager, key: Pick<DataKey, 'id' | 'clientId' | 'clientKeyId' | 'wrappedKey'>): Promise<void> {
    await tx.insert(DataKey, key);
  }

  /** The client's data key with the KEK that wraps it. */
  withClientKey(manager: EntityManager, clientId: string, id: string): Promise<DataKey | null> {
    return manager.findOne(DataKey, { where: { id, clientId }, relations: { clientKey: true } });
  }

  /** True if a row was deleted now. */
  async delete(manager: EntityManager, clientId: string, id: string): Promise<boolean> {
    const result = await manager.delete(DataKey, { id, clientId });
    return (result.affected ?? 0) > 0;
  }

  /** Up to `limit` of the client's data keys not wrapped by `kekId`, in id order after `after`. */
  notWrappedBy(tx: EntityManager, clientId: string, kekId: string, after: string, limit: number): Promise<DataKey[]> {
    return tx
      .createQueryBuilder(DataKey, 'd')
      .where('d.client_id = :clientId AND d.client_key_id <> :kekId AND d.id > :after', { clientId, kekId, after })
      .orderBy('d.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Stores the keys re-wrapped under `kekId` (parallel arrays of ids and wrapped keys), one statement. */
  async rewrap(tx: EntityManager, clientId: string, kekId: string, ids: string[], wrapped: Buffer[]): Promise<void> {
    await tx.query(
      `UPDATE "data_keys" AS d SET "wrapped_key" = v.wrapped_key, "client_key_id" = $1
         FROM unnest($2::uuid[], $3::bytea[]) AS v(id, wrapped_key)
        WHERE d."id" = v.id AND d."client_id" = $4`,
      [kekId, ids, wrapped, clientId],
    );
  }
}
