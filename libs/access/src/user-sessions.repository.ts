import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SessionEndReason } from './sessions.service';
import { SessionScope, UserSession } from './user-session.entity';

/** The SQL on `user_sessions`. Every method takes the caller's manager or transaction. */
@Injectable()
export class UserSessionsRepository {
  /** The user's ended sessions and those past their token's expiry (wall clock: the token's own). */
  async removeFinished(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM user_sessions WHERE user_id = $1 AND (ended_at IS NOT NULL OR expires_at < now())`, [userId]);
  }

  async insert(manager: EntityManager, session: { id: string; userId: string; scope: SessionScope; expiresAt: Date }): Promise<void> {
    await manager.insert(UserSession, session);
  }

  /** The per-request check (hot path): one primary-key read. */
  async isOpen(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM user_sessions WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`, [sessionId, userId]);
    return rows.length > 0;
  }

  /** True when the session was open until now. */
  async end(manager: EntityManager, sessionId: string, at: Date, reason: SessionEndReason): Promise<boolean> {
    const result = await manager.query(`UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`, [sessionId, at, reason]);
    return (result?.[1] ?? 0) > 0;
  }

  /** Ends the user's open sessions but `keep`; how many ended. */
  async endAllOf(manager: EntityManager, userId: string, at: Date, reason: SessionEndReason, keep?: string): Promise<number> {
    const result = await manager.query(
      `UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE user_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)`,
      [userId, at, reason, keep ?? null],
    );
    return result?.[1] ?? 0;
  }
}
