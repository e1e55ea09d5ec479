import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS, runTogether } from '#database';
import { AuditEvent } from './audit-event.entity';

/** One chain, one writer at a time, across every API and worker process. */
const CHAIN_LOCK = ADVISORY_LOCKS.auditChain;

/** The chain's head: the newest chained event or, when retention pruned every one, the last pruned segment's end. */
export type ChainHead = { seq: string; hash: string } | null;

/** The columns the sequencer computes; a pending event has every other one. */
const CHAIN_COLUMNS = new Set(['seq', 'prevHash', 'hash', 'canonical']);

/** An event waiting in audit_pending_events to be chained. */
export type PendingEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash' | 'canonical'>;

/**
 * The sequencer's SQL: pending events read from `audit_pending_events` and moved into `audit_events`
 * with their chain columns (seq, prev_hash, hash, canonical), on its own connection under the chain
 * lock. The statements are on the request path (committers wait for them): keep their number per
 * pass as it is.
 */
@Injectable()
export class AuditChainRepository {
  /** Every column of the entity (from its metadata, so a new column is never missed), built once. */
  private eventColumns?: string;

  /** Sets the session's time-outs (name → value) on the sequencer's connection. */
  async configureSession(runner: QueryRunner, settings: Record<string, string>): Promise<void> {
    await runner.query(
      `SELECT ${Object.keys(settings).map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`).join(', ')}`,
      Object.entries(settings).flat(),
    );
  }

  /**
   * Opens a pass: BEGIN, the chain lock and the read in one write (runTogether; each statement takes
   * its own snapshot, so the read sees everything committed before the lock was granted). Up to
   * `limit` pending events in id order, and the chain's head.
   */
  async beginPass(runner: QueryRunner, limit: number): Promise<{ pending: PendingEvent[]; head: ChainHead }> {
    this.eventColumns ??= runner.connection
      .getMetadata(AuditEvent)
      .columns.filter((c) => !CHAIN_COLUMNS.has(c.propertyName))
      .map((c) => `e.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
    const [, , read] = await runTogether(runner, [
      'BEGIN',
      { text: 'SELECT pg_advisory_xact_lock($1)', values: [CHAIN_LOCK] },
      {
        text: `WITH head AS ((SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1)
                             UNION ALL (SELECT last_seq, last_hash FROM audit_segments ORDER BY last_seq DESC LIMIT 1)
                             ORDER BY seq DESC LIMIT 1)
               SELECT ${this.eventColumns}, (SELECT seq FROM head) AS "headSeq", (SELECT hash FROM head) AS "headHash"
                 FROM audit_pending_events e ORDER BY e.id LIMIT $1`,
        values: [limit],
      },
    ]);
    const rows = read as (PendingEvent & { headSeq: string | null; headHash: string | null })[];
    const pending = rows.map(({ headSeq: _s, headHash: _h, ...event }) => event);
    const head = rows.length && rows[0].headSeq !== null ? { seq: rows[0].headSeq, hash: rows[0].headHash! } : null;
    return { pending, head };
  }

  /**
   * Moves the pending events into the chain with their places (audit_chain_events, run as the owner:
   * it copies each event as recorded) and commits the pass, both in one write; `columns` are parallel
   * arrays of id, seq, prev_hash, hash and canonical text.
   */
  async assignPlacesAndCommit(runner: QueryRunner, columns: [string[], string[], string[], string[], string[]]): Promise<void> {
    await runTogether(runner, [
      { text: 'SELECT audit_chain_events($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])', values: columns },
      'COMMIT',
    ]);
  }

  async commitPass(runner: QueryRunner): Promise<void> {
    await runner.query('COMMIT');
  }

  async abandonPass(runner: QueryRunner): Promise<void> {
    await runner.query('ROLLBACK');
  }
}
