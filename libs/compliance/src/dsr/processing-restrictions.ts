import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Purpose } from '#audit';
import type { SqlPart } from '#database';
import { ForbiddenError } from '../errors';
import { ProcessingRestriction } from './processing-restriction.entity';

export interface RecordRef {
  type: string;
  id: string;
}

/**
 * The purposes refused for a record because its subject restricted processing (art. 18) or objected
 * (art. 21). The access policy consults `restrictedAmong` through RegisteredSubjectDecisions; the
 * client-contact marketing export uses it directly.
 */
@Injectable()
export class ProcessingRestrictions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every purpose an active restriction or objection refuses for this record. */
  async refusedPurposes(record: RecordRef, manager: EntityManager = this.dataSource.manager): Promise<Purpose[]> {
    const rows: { purpose: Purpose }[] = await manager.query(
      `SELECT DISTINCT unnest(purposes) AS purpose FROM processing_restrictions
        WHERE record_type = $1 AND record_id = $2 AND lifted_at IS NULL`,
      [record.type, record.id],
    );
    return rows.map((r) => r.purpose).sort();
  }

  /** The subset of `records` (ids of one type) for which `purpose` is refused. */
  async restrictedAmong(recordType: string, ids: string[], purpose: Purpose, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { record_id: string }[] = await manager.query(
      `SELECT DISTINCT record_id FROM processing_restrictions
        WHERE record_type = $1 AND record_id = ANY($2::uuid[]) AND $3 = ANY(purposes) AND lifted_at IS NULL`,
      [recordType, ids, purpose],
    );
    return new Set(rows.map((r) => r.record_id));
  }

  /**
   * `restrictedAmong` for records of several types as SQL giving a text[] of `type id` pairs, for the
   * access policy's single read of its facts.
   */
  restrictedPart(records: { kind: string; id: string }[], purpose: Purpose): SqlPart {
    return {
      sql: `SELECT coalesce(array_agg(DISTINCT record_type || ' ' || record_id::text), '{}') FROM processing_restrictions
             WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[])) AND $3 = ANY(purposes) AND lifted_at IS NULL`,
      params: [records.map((r) => r.kind), records.map((r) => r.id), purpose],
    };
  }

  async assertAllowed(record: RecordRef, purpose: Purpose, manager?: EntityManager): Promise<void> {
    if ((await this.refusedPurposes(record, manager)).includes(purpose)) {
      throw new ForbiddenError(`Processing of this ${record.type} for ${purpose} is restricted at the data subject's request`, 'processing_restricted');
    }
  }

  /** Marks the records; called by the request workflow inside its transaction. */
  async mark(
    tx: EntityManager,
    entries: { recordType: string; recordId: string; clientId: string | null }[],
    purposes: readonly Purpose[],
    grounds: 'restriction' | 'objection',
    requestId: string,
  ): Promise<void> {
    if (!entries.length) return;
    await tx.insert(
      ProcessingRestriction,
      entries.map((e) => ({ ...e, requestId, purposes: [...purposes], grounds })),
    );
  }
}
