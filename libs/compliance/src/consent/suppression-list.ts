import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdentifierHasher, PersonIdentifiers } from '../rules/identifiers';
import { SuppressionSource } from './marketing-suppression.entity';
import { MarketingSuppressionsRepository } from './marketing-suppressions.repository';

/** The do-not-market list: keyed hashes of e-mail addresses and phone numbers, never the values. */
@Injectable()
export class SuppressionList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: IdentifierHasher,
    private readonly suppressions: MarketingSuppressionsRepository,
  ) {}

  /** Adds the person's identifiers (idempotent). Returns the entry ids, new or existing. */
  async add(tx: EntityManager, person: PersonIdentifiers, source: SuppressionSource): Promise<string[]> {
    const ids: string[] = [];
    for (const { kind, hash } of this.hasher.hashes(person)) ids.push(await this.suppressions.add(tx, kind, hash, source));
    return ids;
  }

  /** Takes these hashes off the list (a new positive opt-in); returns the ids of the entries removed. */
  async remove(tx: EntityManager, hashes: string[]): Promise<string[]> {
    if (!hashes.length) return [];
    const found = await this.suppressions.idsFor(tx, hashes);
    if (found.length) await this.suppressions.delete(tx, found);
    return found;
  }

  /** True when any of the person's identifiers is on the list. */
  async isSuppressed(person: PersonIdentifiers, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.suppressedHashes(this.hasher.hashes(person).map((h) => h.hash), manager)).size > 0;
  }

  /** Which of these hashes are on the list (one query for a whole export). */
  async suppressedHashes(hashes: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    return new Set(await this.suppressions.listedAmong(manager, hashes));
  }

  count(): Promise<number> {
    return this.suppressions.count(this.dataSource.manager);
  }
}
