import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Purpose } from '#audit';
import type { SqlPart } from '#database';
import { ProcessingRestriction } from './processing-restriction.entity';

/** The SQL on `processing_restrictions`. Every method takes the caller's manager or transaction; only active (not lifted) entries count. */
@Injectable()
export class ProcessingRestrictionsRepository {
  /** Every purpose an active entry refuses for this record, once each. */
  async refusedPurposes(manager: EntityManager, recordType: string, recordId: string): Promise<Purpose[]> {
    const rows: { purpose: Purpose }[] = await manager.query(
      `SELECT DISTINCT unnest(purposes) AS purpose FROM processing_restrictions
        WHERE record_type = $1 AND record_id = $2 AND lifted_at IS NULL`,
      [recordType, recordId],
    );
    return rows.map((r) => r.purpose);
  }

  /** Of these record ids (of one type), those for which `purpose` is refused. */
  async restrictedAmong(manager: EntityManager, recordType: string, ids: string[], purpose: Purpose): Promise<string[]> {
    const rows: { record_id: string }[] = await manager.query(
      `SELECT DISTINCT record_id FROM processing_restrictions
        WHERE record_type = $1 AND record_id = ANY($2::uuid[]) AND $3 = ANY(purposes) AND lifted_at IS NULL`,
      [recordType, ids, purpose],
    );
    return rows.map((r) => r.record_id);
  }

  /**
   * `restrictedAmong` for records of several types, as one SELECT giving a text[] of `type id` pairs:
   * a part the access policy folds into its single read of its facts (the message path's one round trip).
   */
  restrictedPart(records: { kind: string; id: string }[], purpose: Purpose): SqlPart {
    return {
      sql: `SELECT coalesce(array_agg(DISTINCT record_type || ' ' || record_id::text), '{}') FROM processing_restrictions
             WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[])) AND $3 = ANY(purposes) AND lifted_at IS NULL`,
      params: [records.map((r) => r.kind), records.map((r) => r.id), purpose],
    };
  }

  async mark(tx: EntityManager, entries: Pick<ProcessingRestriction, 'recordType' | 'recordId' | 'clientId' | 'requestId' | 'purposes' | 'grounds'>[]): Promise<void> {
    await tx.insert(ProcessingRestriction, entries);
  }
}
