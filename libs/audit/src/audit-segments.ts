import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';
import { AppConfig } from '#config';
import { brokenLink, GENESIS_HASH } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditSegment } from './audit-segment.entity';
import { AuditService } from './audit.service';

const PAGE = 2000;
/** Serialises sealing and pruning between workers; the sequencer's chain lock is never held this long. */
const SEGMENT_LOCK = 7003;
/** Events deleted per statement when a pruned segment is emptied. */
const DELETE_BATCH = 10_000;

export interface AuditRetirement {
  sealed: AuditSegment | null;
  pruned: AuditSegment[];
}

/**
 * Old audit leaves only as whole sealed segments (D12): each month's events are sealed into a
 * segment once the month is over, after checking that they link; a segment whose youngest event is
 * older than AUDIT_RETENTION_MONTHS is pruned, oldest first, keeping its anchor hashes so the chain
 * that remains still verifies. Both steps are themselves audited.
 */
@Injectable()
export class AuditSegments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The worker's monthly housekeeping: seal last month, prune what is past the period. */
  async retire(now: Date): Promise<AuditRetirement> {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const sealed = await this.seal(monthStart, now);
    const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.config.auditRetentionMonths, now.getUTCDate()));
    return { sealed, pruned: await this.prune(cutoff, now) };
  }

  /** Seals the chained events that occurred before `before` and are in no segment yet; null when there are none. */
  async seal(before: Date, now: Date): Promise<AuditSegment | null> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEGMENT_LOCK]);
      const [last] = await tx.find(AuditSegment, { order: { lastSeq: 'DESC' }, take: 1 });
      const firstSeq = last ? (BigInt(last.lastSeq) + 1n).toString() : '1';
      const [range] = await tx.query(
        `SELECT max(seq)::text AS last_seq FROM audit_events WHERE seq >= $1 AND occurred_at < $2`,
        [firstSeq, before],
      );
      if (!range?.last_seq) return null;
      const span = await this.checkedSpan(tx, last ? { seq: last.lastSeq, hash: last.lastHash } : null, firstSeq, range.last_seq);
      const segment = await tx.save(tx.create(AuditSegment, { firstSeq, lastSeq: range.last_seq, prevHash: last?.lastHash ?? GENESIS_HASH, sealedAt: now, prunedAt: null, ...span }));
      await this.record(tx, 'audit.segment.seal', segment);
      return segment;
    });
  }

  /**
   * Prunes, oldest first, every sealed segment whose youngest event occurred before `olderThan`: marks
   * it pruned (audited) in one transaction, then deletes its events in batches, so neither a month of
   * rows nor the chain is ever held in one long transaction. A run cut short is finished by the next.
   */
  async prune(olderThan: Date, now: Date): Promise<AuditSegment[]> {
    await this.emptyPrunedSegments();
    const pruned: AuditSegment[] = [];
    for (;;) {
      const segment = await this.dataSource.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SEGMENT_LOCK]);
        const oldest = await tx.findOne(AuditSegment, { where: { prunedAt: IsNull() }, order: { firstSeq: 'ASC' } });
        if (!oldest || oldest.lastOccurredAt.getTime() >= olderThan.getTime()) return null;
        await tx.update(AuditSegment, { id: oldest.id }, { prunedAt: now });
        await this.record(tx, 'audit.segment.prune', oldest);
        return { ...oldest, prunedAt: now };
      });
      if (!segment) return pruned;
      await this.emptyPrunedSegments();
      pruned.push(segment);
    }
  }

  /** Deletes what is left of the events of pruned segments (the trigger lets only those go). */
  private async emptyPrunedSegments(): Promise<void> {
    const [through] = await this.dataSource.query(`SELECT max(last_seq)::text AS seq FROM audit_segments WHERE pruned_at IS NOT NULL`);
    if (!through?.seq) return;
    for (;;) {
      const [, deleted] = await this.dataSource.query(
        `DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE seq <= $1 LIMIT ${DELETE_BATCH})`,
        [through.seq],
      );
      if (deleted < DELETE_BATCH) return;
    }
  }

  /** Walks the range, refusing to seal a chain that does not link; counts and times for the segment. */
  private async checkedSpan(tx: EntityManager, anchor: { seq: string; hash: string } | null, firstSeq: string, lastSeq: string) {
    let previous = anchor;
    let events = 0;
    let firstOccurredAt: Date | null = null;
    let lastOccurredAt = new Date(0);
    for (let from = firstSeq; BigInt(from) <= BigInt(lastSeq); ) {
      const page = await tx.find(AuditEvent, { where: { seq: MoreThanOrEqual(from) }, order: { seq: 'ASC' }, take: PAGE });
      for (const event of page as (AuditEvent & { seq: string; hash: string })[]) {
        if (BigInt(event.seq) > BigInt(lastSeq)) break;
        const reason = brokenLink(event, previous);
        if (reason) throw new Error(`audit chain broken at seq ${event.seq} (${reason}); not sealing`);
        if (!firstOccurredAt || event.occurredAt < firstOccurredAt) firstOccurredAt = event.occurredAt;
        if (event.occurredAt > lastOccurredAt) lastOccurredAt = event.occurredAt;
        previous = { seq: event.seq, hash: event.hash };
        events += 1;
      }
      if (page.length < PAGE) break;
      from = (BigInt(previous!.seq) + 1n).toString();
    }
    if (!previous || previous.seq !== lastSeq) throw new Error(`audit chain ends before seq ${lastSeq}; not sealing`);
    return { events, lastHash: previous.hash, firstOccurredAt: firstOccurredAt!, lastOccurredAt };
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
