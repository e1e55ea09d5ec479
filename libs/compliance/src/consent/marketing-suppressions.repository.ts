import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { IdentifierKind } from '../rules/identifiers';
import { MarketingSuppression, SuppressionSource } from './marketing-suppression.entity';

/** The SQL on `marketing_suppressions`. Every method takes the caller's manager or transaction. */
@Injectable()
export class MarketingSuppressionsRepository {
  /** Puts the identifier on the list unless it is there already; the entry's id, new or existing. */
  async add(tx: EntityManager, kind: IdentifierKind, hash: string, source: SuppressionSource): Promise<string> {
    // An existing entry keeps its first source: the insert is ignored, then the entry read back.
    await tx.createQueryBuilder().insert().into(MarketingSuppression).values({ identifierKind: kind, identifierHash: hash, source }).orIgnore().execute();
    const row = await tx.findOneOrFail(MarketingSuppression, { where: { identifierKind: kind, identifierHash: hash } });
    return row.id;
  }

  /** The ids of the entries for these hashes. */
  async idsFor(tx: EntityManager, hashes: string[]): Promise<string[]> {
    const found = await tx.find(MarketingSuppression, { where: { identifierHash: In(hashes) }, select: { id: true } });
    return found.map((f) => f.id);
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.delete(MarketingSuppression, { id: In(ids) });
  }

  /** Which of these hashes are on the list. */
  async listedAmong(manager: EntityManager, hashes: string[]): Promise<string[]> {
    const rows = await manager.find(MarketingSuppression, { where: { identifierHash: In(hashes) }, select: { identifierHash: true } });
    return rows.map((r) => r.identifierHash);
  }

  count(manager: EntityManager): Promise<number> {
    return manager.count(MarketingSuppression);
  }
}
