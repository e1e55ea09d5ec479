import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';

/** A join seen moments ago says a notice is open; for how long is unknown, so the hint is short. */
const SEEN_OPEN_MS = 1000;
/** Near its end a window may close before the message's statement runs: not worth the retry. */
const MARGIN_MS = 200;
const MAX_CLIENTS = 10_000;

/**
 * What this process last saw of each client's open new-message notice: until when it stays open, as a
 * hint only. The message path uses it to join in its write batch and commit with it; a wrong hint costs
 * a rolled-back batch and a second try, never a wrong notice (the database decides). A window this
 * process opened counts once its transaction has committed.
 */
@Injectable()
export class OpenNoticeHints implements EntitySubscriberInterface, OnModuleInit {
  /** Until when each client's notice stays open; `exact` when this process set the window itself. */
  private readonly until = new Map<string, { at: number; exact: boolean }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  seemsOpen(clientId: string, now: Date): boolean {
    const until = this.until.get(clientId);
    if (until === undefined) return false;
    if (until.at > now.getTime() + MARGIN_MS) return true;
    // Kept until it has passed: a join near its end must not stretch a window this process knows.
    if (until.at <= now.getTime()) this.until.delete(clientId);
    return false;
  }

  /** A message joined the client's notice at `now` (a window this process set is known better). */
  joined(clientId: string, now: Date): void {
    const known = this.until.get(clientId);
    if (known?.exact && known.at > now.getTime()) return;
    this.set(clientId, now.getTime() + SEEN_OPEN_MS, false);
  }

  /** The notice's window, as `tx` sets it; counts once `tx` commits. */
  openUntil(clientId: string, until: Date, tx: EntityManager): void {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) return this.set(clientId, until.getTime(), true);
    const pending: [string, number][] = runner.data?.noticeWindows ?? [];
    runner.data = { ...runner.data, noticeWindows: [...pending, [clientId, until.getTime()]] };
  }

  closed(clientId: string): void {
    this.until.delete(clientId);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive || !runner.data?.noticeWindows?.length) return;
    for (const [clientId, until] of runner.data.noticeWindows as [string, number][]) this.set(clientId, until, true);
    runner.data.noticeWindows = [];
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive && event.queryRunner.data?.noticeWindows) event.queryRunner.data.noticeWindows = [];
  }

  private set(clientId: string, at: number, exact: boolean): void {
    if (this.until.size >= MAX_CLIENTS && !this.until.has(clientId)) this.until.clear();
    this.until.set(clientId, { at, exact });
  }
}
