import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { UrgentEscalation } from './urgent-escalation.entity';

/** The SQL on `urgent_escalations`. Every method takes the caller's manager or transaction. */
@Injectable()
export class UrgentEscalationsRepository {
  async insert(tx: EntityManager, watch: Omit<UrgentEscalation, 'client' | 'resolvedAt'>): Promise<void> {
    await tx.insert(UrgentEscalation, watch);
  }

  /** Unresolved watches whose next escalation is due at `now`, at most `limit`. */
  due(manager: EntityManager, now: Date, limit: number): Promise<UrgentEscalation[]> {
    return manager.find(UrgentEscalation, { where: { resolvedAt: IsNull(), nextAt: LessThanOrEqual(now) }, take: limit });
  }

  async resolve(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(UrgentEscalation, { id, resolvedAt: IsNull() }, { resolvedAt: at });
  }

  /**
   * Moves the watch from `fromLevel` to the next level, due again at `nextAt`. False when another sweep
   * moved or resolved it first.
   */
  async claimNextLevel(tx: EntityManager, id: string, fromLevel: number, nextAt: Date): Promise<boolean> {
    const claimed = await tx.update(UrgentEscalation, { id, level: fromLevel, resolvedAt: IsNull() }, { level: fromLevel + 1, nextAt });
    return !!claimed.affected;
  }
}
