import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '#clock';
import { SessionScope, UserSession } from './user-session.entity';

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
  ) {}

  async open(userId: string, scope: SessionScope, sessionId: string, expiresAt: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // Housekeeping on the way: this user's ended and expired sessions. Expiry is the token's own (wall clock).
    await manager.query(`DELETE FROM user_sessions WHERE user_id = $1 AND (ended_at IS NOT NULL OR expires_at < now())`, [userId]);
    await manager.insert(UserSession, { id: sessionId, userId, scope, expiresAt });
  }

  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const now = performance.now();
    const cached = this.live.get(sessionId);
    if (cached && cached.userId === userId && cached.until > now) return true;
    const generation = this.generation;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM user_sessions WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`, [sessionId, userId]);
    if (!rows.length) {
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
    const result = await manager.query(`UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`, [sessionId, this.clock.now(), reason]);
    this.forgetSession(sessionId);
    return (result?.[1] ?? 0) > 0;
  }

  /**
   * Ends every open session of a user, except `keep` if given. Inside a transaction, call forget(userId)
   * once it has committed, so this process stops trusting what it cached.
   */
  async endAllFor(userId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager, keep?: string): Promise<number> {
    const result = await manager.query(
      `UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE user_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)`,
      [userId, this.clock.now(), reason, keep ?? null],
    );
    this.forget(userId);
    return result?.[1] ?? 0;
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
