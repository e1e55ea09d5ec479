import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { afterReleaseOf } from '#database';
import { canonicalText, chainHash, GENESIS_HASH } from './audit-chain';
import { AuditChainRepository } from './audit-chain.repository';
import type { ChainHead, PendingEvent } from './audit-chain.repository';

const BATCH = 1000;
/** Safety net: events committed by a process that died before chaining them are picked up by any other. */
const SWEEP_MS = 1000;

/**
 * The sequencer's session never waits without bound (issue 10): a holder of the chain lock that stops
 * answering (paused, or its machine gone) while its transaction is open is ended by the server after
 * `idle_in_transaction_session_timeout`, which frees the lock; a waiter gives up after `lock_timeout`
 * and tries again, up to LOCK_ATTEMPTS times, then leaves its events to the sweep.
 */
export const SEQUENCER_SESSION = {
  lock_timeout: '2s',
  statement_timeout: '10s',
  idle_in_transaction_session_timeout: '5s',
  // A pass's commit need not wait for its WAL flush: a pass lost in a crash leaves its events unchained,
  // and the next pass chains them again from the durable head in the same order, to the same hashes.
  // Any later durable commit (the events' own, a segment seal) flushes the WAL before it, pass included.
  synchronous_commit: 'off',
} as const;
const LOCK_ATTEMPTS = 4;
/** How long a pass requested while another runs waits after it, gathering more committers. */
const GATHER_MS = 3;
/** SQLSTATE of a lock wait that timed out. */
const LOCK_NOT_AVAILABLE = '55P03';

const sqlState = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
};

/**
 * Chains pending audit events: gives each its place (`seq`), the previous hash, the exact hashed text
 * and its hash, moving it from audit_pending_events into audit_events (written once there, never
 * updated). Events are written in their own business transaction without any lock; when that
 * transaction commits, the committer waits here until its events are chained (group commit: one
 * locked pass chains everything committed so far), so the chain lock is never held across a
 * business transaction and readers always find their own events chained.
 */
@Injectable()
export class AuditSequencer implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditSequencer.name);
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** Its own connection, so a pool full of committers waiting here can never starve the sequencer. */
  private runner: QueryRunner | null = null;
  private sweep?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chainSql: AuditChainRepository,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
    this.sweep = setInterval(() => void this.chainCommitted().catch(() => undefined), SWEEP_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweep);
    await Promise.allSettled([this.running, this.next]);
    this.discardConnection();
  }

  /** Whether an error means the chain lock could not be had in time (the events wait for the sweep). */
  static isLockTimeout(error: unknown): boolean {
    return sqlState(error) === LOCK_NOT_AVAILABLE;
  }

  /** Marks a transaction as carrying audit events, so its commit waits for them to be chained. */
  static markPending(queryRunner: QueryRunner): void {
    queryRunner.data = { ...queryRunner.data, auditPending: true };
  }

  afterTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive || !runner.data?.auditPending) return; // a savepoint, or nothing to chain
    runner.data.auditPending = false;
    // The business change is committed: a failure here must not turn its answer into an error.
    const chained = this.chainCommitted().catch((error) => this.logger.warn({ err: error }, 'audit events left pending; the sweep will chain them'));
    // Where the transaction's owner can wait after giving back the connection, the committer still
    // waits for its events to be chained, without holding a pooled connection meanwhile.
    const later = afterReleaseOf(runner);
    if (!later) return chained;
    later.push(chained);
  }

  /** Resolves once every event committed before the call is chained. */
  chainCommitted(): Promise<void> {
    if (!this.running) {
      this.running = this.chainPending().finally(() => (this.running = null));
      return this.running;
    }
    // A pass is under way and may have read the pending set already: wait for the next one, which
    // starts a moment after (GATHER_MS) so that under load one pass chains many committers' events.
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => new Promise((resolve) => setTimeout(resolve, GATHER_MS)))
      .then(() => {
        this.next = null;
        return this.chainCommitted();
      });
    return this.next;
  }

  private async chainPending(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.chainPendingOnce();
      } catch (error) {
        if (!AuditSequencer.isLockTimeout(error) || attempt >= LOCK_ATTEMPTS) throw error;
      }
    }
  }

  private async chainPendingOnce(): Promise<void> {
    const runner = await this.connection();
    // Two round trips a pass: this runs on the request path (committers wait for it), where every
    // round trip also waits its turn on a busy event loop: BEGIN, the lock and the read in one write,
    // then the move into the chain with the COMMIT.
    let open = false;
    try {
      for (;;) {
        open = true;
        const { pending, head } = await this.chainSql.beginPass(runner, BATCH);
        if (pending.length) await this.chain(runner, pending, head);
        else await this.chainSql.commitPass(runner);
        open = false;
        if (pending.length < BATCH) return;
      }
    } catch (error) {
      if (open) await this.chainSql.abandonPass(runner).catch(() => undefined);
      if (!AuditSequencer.isLockTimeout(error)) this.discardConnection();
      throw error;
    }
  }

  /**
   * Chains `pending` after `last` and commits the pass. `last`: the chain's head, the newest chained
   * event or, when retention pruned every one, the last pruned segment's end.
   */
  private async chain(runner: QueryRunner, pending: PendingEvent[], last: ChainHead): Promise<void> {
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash: string = last?.hash ?? GENESIS_HASH;
    const columns: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
    for (const event of pending) {
      seq += 1n;
      const canonical = canonicalText({ ...event, seq: seq.toString(), prevHash });
      const hash = chainHash(canonical);
      [event.id, seq.toString(), prevHash, hash, canonical].forEach((value, i) => columns[i].push(value));
      prevHash = hash;
    }
    await this.chainSql.assignPlacesAndCommit(runner, columns);
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.runner) {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        await this.chainSql.configureSession(runner, SEQUENCER_SESSION);
      } catch (error) {
        this.runner = runner;
        this.discardConnection();
        throw error;
      }
      this.runner = runner;
    }
    return this.runner;
  }

  /** Closes the sequencer's connection rather than returning it to the pool with its time-outs. */
  private discardConnection(): void {
    const runner = this.runner as (QueryRunner & { releasePostgresConnection?: (error: Error) => Promise<void> }) | null;
    this.runner = null;
    if (!runner) return;
    const closing = runner.releasePostgresConnection?.(new Error('audit sequencer connection discarded')) ?? runner.release();
    void closing.catch(() => undefined);
  }
}
