import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionsService } from '#access';
import { AccountLockout } from './account-lockout';
import { UsersRepository } from './users.repository';

export { ERASED_EMAIL_PREFIX } from './users.repository';

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
    private readonly users: UsersRepository,
  ) {}

  /** Returns the ids changed now. Runs in the caller's transaction. */
  async anonymise(tx: EntityManager, ids: string[], now: Date): Promise<string[]> {
    const rows = await this.users.anonymise(tx, ids, now);
    const changed = rows.map((r) => r.id);
    if (!changed.length) return [];
    await this.lockout.forget(tx, rows.map((r) => r.email));
    for (const id of changed) await this.sessions.endAllFor(id, 'erased', tx);
    return changed;
  }

  /** Anonymises every account of a client (its contract long ended); the ids changed now. */
  async anonymiseClientUsers(tx: EntityManager, clientId: string, now: Date): Promise<string[]> {
    return this.anonymise(tx, await this.users.idsOfClient(tx, clientId), now);
  }
}
