import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { IdentifierHasher, PersonIdentifiers } from '../rules/identifiers';
import { MarketingSuppression, SuppressionSource } from './marketing-suppression.entity';

/** The do-not-market list: keyed hashes of e-mail addresses and phone numbers, never the values. */
@Injectable()
export class SuppressionList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: IdentifierHasher,
  ) {}

  /** Adds the person's identifiers (idempotent). Returns the entry ids, new or existing. */
  async add(tx: EntityManager, person: PersonIdentifiers, source: SuppressionSource): Promise<string[]> {
    const ids: string[] = [];
    for (const { kind, hash } of this.hasher.hashes(person)) {
      await tx
        .createQueryBuilder()
        .insert()
        .into(MarketingSuppression)
        .values({ identifierKind: kind, identifierHash: hash, source })
        .orIgnore()
        .execute();
      const row = await tx.findOneOrFail(MarketingSuppression, { where: { identifierKind: kind, identifierHash: hash } });
      ids.push(row.id);
    }
    return ids;
  }

  /** Takes these hashes off the list (a new positive opt-in); returns the ids of the entries removed. */
  async remove(tx: EntityManager, hashes: string[]): Promise<string[]> {
    if (!hashes.length) return [];
    const found = await tx.find(MarketingSuppression, { where: { identifierHash: In(hashes) }, select: { id: true } });
    if (found.length) await tx.delete(MarketingSuppression, { id: In(found.map((f) => f.id)) });
    return found.map((f) => f.id);
  }

  /** True when any of the person's identifiers is on the list. */
  async isSuppressed(person: PersonIdentifiers, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.suppressedHashes(this.hasher.hashes(person).map((h) => h.hash), manager)).size > 0;
  }

  /** Which of these hashes are on the list (one query for a whole export). */
  async suppressedHashes(hashes: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const rows = await manager.find(MarketingSuppression, { where: { identifierHash: In(hashes) }, select: { identifierHash: true } });
    return new Set(rows.map((r) => r.identifierHash));
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(MarketingSuppression).count();
  }
}
