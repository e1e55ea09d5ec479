import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Purpose } from '#audit';
import type { SqlPart } from '#database';
import { ForbiddenError } from '../errors';
import { ProcessingRestrictionsRepository } from './processing-restrictions.repository';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly restrictions: ProcessingRestrictionsRepository,
  ) {}

  /** Every purpose an active restriction or objection refuses for this record. */
  async refusedPurposes(record: RecordRef, manager: EntityManager = this.dataSource.manager): Promise<Purpose[]> {
    return (await this.restrictions.refusedPurposes(manager, record.type, record.id)).sort();
  }

  /** The subset of `records` (ids of one type) for which `purpose` is refused. */
  async restrictedAmong(recordType: string, ids: string[], purpose: Purpose, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    return new Set(await this.restrictions.restrictedAmong(manager, recordType, ids, purpose));
  }

  /**
   * `restrictedAmong` for records of several types as SQL giving a text[] of `type id` pairs, for the
   * access policy's single read of its facts.
   */
  restrictedPart(records: { kind: string; id: string }[], purpose: Purpose): SqlPart {
    return this.restrictions.restrictedPart(records, purpose);
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
    await this.restrictions.mark(
      tx,
      entries.map((e) => ({ ...e, requestId, purposes: [...purposes], grounds })),
    );
  }
}
