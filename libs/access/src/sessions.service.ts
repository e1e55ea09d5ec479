import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '#clock';
import { SessionScope } from './user-session.entity';
import { UserSessionsRepository } from './user-sessions.repository';

/** How long this process trusts a session it found live; other processes see an ended one within this. */
export const SESSION_CHECK_CACHE_MS = 2000;
const CACHE_LIMIT = 10_000;

export type SessionEndReason = 'logout' | 'password_changed' | 'password_reset' | 'disabled' | 'erased' | 'totp_enrolled' | 'second_factor_reset';

/**
 * Sessions that can end: each token names its session, and every request checks that the session
 * is still open (remembered for at most SESSION_CHECK_CACHE_MS in this process).
 */
@Injectable()
export class SessionsService {
  private readonly live = new Map<string, { userId: string; until: number }>();
  /** Bumped by every ending: a check that started before it must not cache what it read. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sessions: UserSessionsRepository,
  ) {}

  async open(userId: string, scope: SessionScope, sessionId: string, expiresAt: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // Housekeeping on the way: this user's ended and expired sessions.
    await this.sessions.removeFinished(manager, userId);
    await this.sessions.insert(manager, { id: sessionId, userId, scope, expiresAt });
  }

  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const now = performance.now();
    const cached = this.live.get(sessionId);
    if (cached && cached.userId === userId && cached.until > now) return true;
    const generation = this.generation;
    if (!(await this.sessions.isOpen(this.dataSource.manager, sessionId, userId))) {
      this.live.delete(sessionId);
      return false;
    }
    if (generation === this.generation) {
      if (this.live.size >= CACHE_LIMIT) this.live.clear();
      this.live.set(sessionId, { userId, until: now + SESSION_CHECK_CACHE_MS });
    }
    return true;
  }

  /** Ends one session (sign-out). */
  async end(sessionId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const ended = await this.sessions.end(manager, sessionId, this.clock.now(), reason);
    this.forgetSession(sessionId);
    return ended;
  }

  /**
   * Ends every open session of a user, except `keep` if given. Inside a transaction, call forget(userId)
   * once it has committed, so this process stops trusting what it cached.
   */
  async endAllFor(userId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager, keep?: string): Promise<number> {
    const ended = await this.sessions.endAllOf(manager, userId, this.clock.now(), reason, keep);
    this.forget(userId);
    return ended;
  }

  forget(userId: string): void {
    this.generation += 1;
    for (const [sessionId, entry] of this.live) if (entry.userId === userId) this.live.delete(sessionId);
  }

  private forgetSession(sessionId: string): void {
    this.generation += 1;
    this.live.delete(sessionId);
  }
}
