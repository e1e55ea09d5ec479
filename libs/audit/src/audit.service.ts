import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '#clock';
import type { WriteBatch } from '#database';
import { brokenLink, GENESIS_HASH } from './audit-chain';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditSegmentsRepository } from './audit-segments.repository';
import { AuditSequencer } from './audit-sequencer';
import { AuditVerificationsRepository } from './audit-verifications.repository';
import { AuditDetails, AuditEvent } from './audit-event.entity';
import type { ActorRole, DataRole, Outcome, Purpose } from './vocabulary';

export interface AuditEntry {
  actor: { id: string | null; role: ActorRole };
  clientId?: string | null;
  dataRole: DataRole;
  purpose: Purpose;
  action: string;
  subject?: { type: string; id: string };
  outcome: Outcome;
  details?: AuditDetails;
}

export interface AuditFilter {
  clientId?: string;
  actorId?: string;
  action?: string;
  subjectId?: string;
  outcome?: Outcome;
  from?: Date;
  to?: Date;
  /** Page backwards from this sequence number (exclusive). */
  beforeSeq?: string;
  limit?: number;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  head: { seq: string; hash: string } | null;
  broken?: { seq: string; reason: string };
  /** Set once retention pruned old segments: where the remaining chain is anchored. */
  prunedThrough?: { seq: string; hash: string };
}

/** One event an actor caused, as a data subject's export shows it. */
export type ActorActivity = {
  seq: string | null;
  occurredAt: Date;
  action: string;
  outcome: string;
  purpose: string;
  clientId: string | null;
  subjectType: string | null;
  subjectId: string | null;
};

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sequencer: AuditSequencer,
    private readonly clock: Clock,
    private readonly events: AuditEventsRepository,
    private readonly segments: AuditSegmentsRepository,
    private readonly verifications: AuditVerificationsRepository,
  ) {}

  /**
   * Appends one event. Pass the caller's transaction manager so the event commits or rolls back with
   * the change it records; the commit then waits until the event is chained. Without a manager the
   * event is written and chained at once.
   */
  async append(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const occurredAt = this.clock.now();
    const runner = manager?.queryRunner;
    if (manager && runner?.isTransactionActive) {
      await this.events.insert(manager, entry, occurredAt);
      AuditSequencer.markPending(runner);
      return;
    }
    await this.events.insert(this.dataSource.manager, entry, occurredAt);
    // The event is written; if the chain lock stays out of reach, the sweep chains it later.
    await this.sequencer.chainCommitted().catch((error) => {
      if (!AuditSequencer.isLockTimeout(error)) throw error;
    });
  }

  /**
   * What these actors did, as recorded (ids and codes only, as every event), oldest first: a data
   * subject's export of their own activity. Reads in the caller's transaction.
   */
  activityOf(manager: EntityManager, actorIds: string[]): Promise<ActorActivity[]> {
    if (!actorIds.length) return Promise.resolve([]);
    return this.events.activityOf(manager, actorIds);
  }

  /**
   * `append` as one part of the caller's write batch (the request's other rows in the same statement):
   * inside the caller's transaction only, whose commit then waits until the event is chained.
   */
  appendIn(batch: WriteBatch, entry: AuditEntry, tx: EntityManager): void {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) throw new Error("an audit event in a write batch needs the caller's transaction");
    batch.add('audit', this.events.insertPart(entry, this.clock.now()));
    batch.afterRun(() => AuditSequencer.markPending(runner));
  }

  /** Chained events only, newest first. */
  async find(filter: AuditFilter): Promise<AuditEvent[]> {
    await this.sequencer.chainCommitted();
    return this.events.findChained(this.dataSource.manager, filter);
  }

  /** Verifies the chain (below) and records the outcome, so readers of the trail can see when it last held. */
  async verify(): Promise<ChainVerification> {
    const result = await this.recompute();
    await this.verifications.insert(this.dataSource.manager, {
      verifiedAt: this.clock.now(),
      ok: result.ok,
      events: result.events,
      headSeq: result.head?.seq ?? null,
      brokenSeq: result.broken?.seq ?? null,
    });
    return result;
  }

  /** What the most recent recorded verification found (no counts: those would tell one client about the others' activity). */
  async latestVerification(): Promise<{ status: 'intact' | 'broken' | 'never_verified'; verifiedAt: Date | null }> {
    const latest = await this.verifications.latest(this.dataSource.manager);
    if (!latest) return { status: 'never_verified', verifiedAt: null };
    return { status: latest.ok ? 'intact' : 'broken', verifiedAt: latest.verifiedAt };
  }

  /**
   * Recomputes the whole chain in pages; names the first event (or segment) that does not belong.
   * Segments must follow each other from the genesis, each anchored on the one before and counting
   * exactly its range; the events left continue from the last pruned one; each sealed segment still
   * ends on the hash it was sealed with, and no segment claims events the chain does not have.
   */
  private async recompute(): Promise<ChainVerification> {
    await this.sequencer.chainCommitted();
    const segments = await this.segments.all(this.dataSource.manager);
    // Structure first: segments follow each other from seq 1 and count exactly their range; pruned ones
    // (whose events are gone) must also link hash to hash. Sealed ones are checked against their events below.
    let anchor: { seq: string; hash: string } | null = null;
    let prunedSoFar = true;
    for (const segment of segments) {
      const expectedFirst = anchor ? (BigInt(anchor.seq) + 1n).toString() : '1';
      const counted = BigInt(segment.lastSeq) - BigInt(segment.firstSeq) + 1n === BigInt(segment.events);
      if (segment.prunedAt && !prunedSoFar) return { ok: false, events: 0, head: anchor, broken: { seq: segment.firstSeq, reason: 'segment pruned out of turn' } };
      if (segment.firstSeq !== expectedFirst || !counted || (segment.prunedAt && segment.prevHash !== (anchor?.hash ?? GENESIS_HASH))) {
        const reason = segment.prunedAt ? 'pruned segments do not link' : 'sealed segment does not match the chain';
        return { ok: false, events: 0, head: anchor, broken: { seq: segment.firstSeq, reason } };
      }
      prunedSoFar = !!segment.prunedAt;
      anchor = { seq: segment.lastSeq, hash: segment.lastHash };
    }
    const pruned = segments.filter((s) => s.prunedAt);
    const prunedThrough = pruned.length ? { seq: pruned[pruned.length - 1].lastSeq, hash: pruned[pruned.length - 1].lastHash } : null;
    const sealed = segments.filter((s) => !s.prunedAt);
    const sealedStarts = new Map(sealed.map((s) => [s.firstSeq, s.prevHash]));
    const sealedEnds = new Map(sealed.map((s) => [s.lastSeq, s.lastHash]));
    const sealedThrough = segments.length ? BigInt(segments[segments.length - 1].lastSeq) : 0n;
    let previous = prunedThrough;
    let events = 0;
    const result = (broken?: { seq: string; reason: string }): ChainVerification => ({
      ok: !broken,
      events,
      head: previous,
      ...(broken ? { broken } : {}),
      ...(prunedThrough ? { prunedThrough } : {}),
    });
    for (;;) {
      const page = await this.events.chainedPage(this.dataSource.manager, previous?.seq, 2000);
      for (const event of page as (AuditEvent & { seq: string; hash: string })[]) {
        const sealedStart = sealedStarts.get(event.seq);
        const sealedEnd = sealedEnds.get(event.seq);
        const differs = (sealedStart !== undefined && sealedStart !== event.prevHash) || (sealedEnd !== undefined && sealedEnd !== event.hash);
        const reason = brokenLink(event, previous) ?? (differs ? 'differs from its sealed segment' : null);
        if (reason) return result({ seq: event.seq, reason });
        previous = { seq: event.seq, hash: event.hash };
        events += 1;
      }
      if (page.length < 2000) break;
    }
    if (BigInt(previous?.seq ?? '0') < sealedThrough) {
      return result({ seq: (BigInt(previous?.seq ?? '0') + 1n).toString(), reason: 'a sealed segment names events the chain does not have' });
    }
    return result();
  }
}
