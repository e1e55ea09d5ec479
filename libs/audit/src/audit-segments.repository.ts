import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuditSegment } from './audit-segment.entity';

/**
 * The SQL on `audit_segments`. Sealing, pruning and emptying are owner functions (migration 1201):
 * this login only calls them and reads what they wrote. Every method takes the caller's manager or transaction.
 */
@Injectable()
export class AuditSegmentsRepository {
  /** Seals the chained events before `before` that are in no segment yet; the new segment's id, null when there were none. */
  async sealBefore(tx: EntityManager, before: Date): Promise<number | null> {
    const [row]: { id: number }[] = await tx.query(`SELECT id FROM audit_seal_segment($1)`, [before]);
    return row ? row.id : null;
  }

  /** Marks the segment pruned; the database refuses one too young or no longer matching its events. */
  async markPruned(tx: EntityManager, id: number): Promise<void> {
    await tx.query(`SELECT id FROM audit_prune_segment($1)`, [id]);
  }

  /** Deletes up to `limit` events of pruned segments; how many went. */
  async emptyPruned(manager: EntityManager, limit: number): Promise<number> {
    const [{ deleted }]: { deleted: number }[] = await manager.query(`SELECT audit_empty_pruned_segments($1) AS deleted`, [limit]);
    return deleted;
  }

  byId(manager: EntityManager, id: number): Promise<AuditSegment> {
    return manager.findOneByOrFail(AuditSegment, { id });
  }

  oldestUnpruned(manager: EntityManager): Promise<AuditSegment | null> {
    return manager.findOne(AuditSegment, { where: { prunedAt: IsNull() }, order: { firstSeq: 'ASC' } });
  }

  /** Every segment, pruned or sealed, in chain order. */
  all(manager: EntityManager): Promise<AuditSegment[]> {
    return manager.find(AuditSegment, { order: { firstSeq: 'ASC' } });
  }
}
