import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config';
import { AuditSegment } from './audit-segment.entity';
import { AuditSegmentsRepository } from './audit-segments.repository';
import { AuditService } from './audit.service';

/** Events deleted per statement when a pruned segment is emptied. */
const DELETE_BATCH = 10_000;
/** SQLSTATE the database raises when a segment is not yet old enough by its own clock. */
const NOT_YET = '55000';

export interface AuditRetirement {
  sealed: AuditSegment | null;
  pruned: AuditSegment[];
}

/**
 * Old audit leaves only as whole sealed segments (D12): each month's events are sealed into a
 * segment once the month is over; a segment whose youngest event is older than AUDIT_RETENTION_MONTHS
 * is pruned, oldest first, keeping its anchor hashes so the chain that remains still verifies. Both
 * steps are themselves audited. The database decides: sealing, pruning and emptying are functions
 * that run as the owner and compute the segment from the events (migration 1201); this login cannot
 * write a segment, mark one pruned or delete an event itself.
 */
@Injectable()
export class AuditSegments {
  private readonly logger = new Logger(AuditSegments.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly segments: AuditSegmentsRepository,
  ) {}

  /** The worker's monthly housekeeping: seal last month, prune what is past the period. */
  async retire(now: Date): Promise<AuditRetirement> {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const sealed = await this.seal(monthStart);
    const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.config.auditRetentionMonths, now.getUTCDate()));
    return { sealed, pruned: await this.prune(cutoff) };
  }

  /** Seals the chained events that occurred before `before` and are in no segment yet; null when there are none. */
  async seal(before: Date): Promise<AuditSegment | null> {
    return this.dataSource.transaction(async (tx) => {
      const id = await this.segments.sealBefore(tx, before);
      if (id === null) return null;
      const segment = await this.segments.byId(tx, id);
      await this.record(tx, 'audit.segment.seal', segment);
      return segment;
    });
  }

  /**
   * Prunes, oldest first, every sealed segment whose youngest event occurred before `olderThan`: marks
   * it pruned (audited) in one transaction, then deletes its events in batches, so neither a month of
   * rows nor the chain is ever held in one long transaction. A run cut short is finished by the next.
   * The database refuses a segment that is younger than its own retention setting, or no longer
   * matches its events; the first refusal ends the run.
   */
  async prune(olderThan: Date): Promise<AuditSegment[]> {
    await this.emptyPrunedSegments();
    const pruned: AuditSegment[] = [];
    for (;;) {
      const segment = await this.dataSource
        .transaction(async (tx) => {
          const oldest = await this.segments.oldestUnpruned(tx);
          if (!oldest || oldest.lastOccurredAt.getTime() >= olderThan.getTime()) return null;
          await this.segments.markPruned(tx, oldest.id);
          const marked = await this.segments.byId(tx, oldest.id);
          await this.record(tx, 'audit.segment.prune', marked);
          return marked;
        })
        .catch((error: { code?: string; driverError?: { code?: string } }) => {
          if ((error.driverError?.code ?? error.code) !== NOT_YET) throw error;
          this.logger.warn('the database holds the oldest audit segment a while longer (its clock or retention setting differs from ours)');
          return null;
        });
      if (!segment) return pruned;
      await this.emptyPrunedSegments();
      pruned.push(segment);
    }
  }

  /** Deletes what is left of the events of pruned segments (the database lets only those go). */
  private async emptyPrunedSegments(): Promise<void> {
    for (;;) {
      const deleted = await this.segments.emptyPruned(this.dataSource.manager, DELETE_BATCH);
      if (deleted < DELETE_BATCH) return;
    }
  }

  private record(tx: EntityManager, action: string, segment: AuditSegment) {
    return this.audit.append(
      {
        actor: { id: null, role: 'system' },
        dataRole: 'controller',
        purpose: 'legal_obligation',
        action,
        subject: { type: 'audit_segment', id: String(segment.id) },
        outcome: 'success',
        details: { firstSeq: segment.firstSeq, lastSeq: segment.lastSeq, events: segment.events, lastHash: segment.lastHash },
      },
      tx,
    );
  }
}
