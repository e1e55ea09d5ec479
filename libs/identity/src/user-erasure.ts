import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CredentialsModule, SessionsService } from '#access';
import { AccountLockout } from './account-lockout';

/** The marker an anonymised account's e-mail address starts with. */
export const ERASED_EMAIL_PREFIX = 'erased+';

/**
 * Anonymises user accounts in place: the e-mail address becomes `erased+<id>@erased.invalid`, the
 * password and second factor can never match, the account is disabled and its sessions end. The row
 * (its id) stays, because past audit events name it as their actor and the record is never edited.
 */
@Injectable()
export class UserErasure {
  constructor(
    private readonly sessions: SessionsService,
    private readonly lockout: AccountLockout,
  ) {}

  /** Returns the ids changed now. Runs in the caller's transaction. */
  async anonymise(tx: EntityManager, ids: string[], now: Date): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string; email: string }[] = await tx.query(
      `WITH old AS (SELECT id, email FROM users WHERE id = ANY($1::uuid[]) AND email NOT LIKE '${ERASED_EMAIL_PREFIX}%' FOR UPDATE),
       changed AS (
         UPDATE users u SET email = '${ERASED_EMAIL_PREFIX}' || u.id || '@erased.invalid', password_hash = '!erased',
                disabled_at = coalesce(u.disabled_at, $2), totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL
           FROM old WHERE u.id = old.id RETURNING u.id)
       SELECT old.id, old.email FROM old JOIN changed ON changed.id = old.id`,
      [ids, now],
    );
    const changed = rows.map((r) => r.id);
    if (!changed.length) return [];
    await tx.query(`DELETE FROM user_recovery_codes WHERE user_id = ANY($1::uuid[])`, [changed]);
    await tx.query(`DELETE FROM password_reset_tokens WHERE user_id = ANY($1::uuid[])`, [changed]);
    await this.lockout.forget(tx, rows.map((r) => r.email));
    for (const id of changed) await this.sessions.endAllFor(id, 'erased', tx);
    return changed;
  }
}

/** Erasure alone, for the worker's retention sweep (which has no HTTP guard). */
@Module({
  imports: [CredentialsModule],
  providers: [AccountLockout, UserErasure],
  exports: [AccountLockout, UserErasure],
})
export class UserErasureModule {}
