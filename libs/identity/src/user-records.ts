import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError } from './errors';
import { UserErasure } from './user-erasure';
import { UserExportRow, UsersRepository } from './users.repository';

/**
 * What the compliance library needs of operator accounts (data subjects' requests, retention), so it
 * never reads or writes the users table. Every method runs in the caller's transaction.
 */
@Injectable()
export class UserRecords {
  constructor(
    private readonly users: UsersRepository,
    private readonly erasure: UserErasure,
  ) {}

  /** Accounts with this e-mail address (already lower-cased), oldest first. */
  idsByEmail(tx: EntityManager, email: string): Promise<string[]> {
    return this.users.idsByEmail(tx, email);
  }

  exportRows(tx: EntityManager, ids: string[]): Promise<UserExportRow[]> {
    return this.users.exportRows(tx, ids);
  }

  /** Anonymises the account if it exists; 'not_found' when there is none, else 'anonymised' (also when it was already). */
  async anonymise(tx: EntityManager, id: string, now: Date): Promise<'anonymised' | 'not_found'> {
    if (!(await this.users.lockById(tx, id))) return 'not_found';
    await this.erasure.anonymise(tx, [id], now);
    return 'anonymised';
  }

  /** Corrects the account's e-mail address (already normalised); 409 when another account has it. */
  async rectifyEmail(tx: EntityManager, id: string, email: string): Promise<'rectified' | 'not_found'> {
    try {
      return (await this.users.setEmail(tx, id, email)) ? 'rectified' : 'not_found';
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConflictError('The corrected e-mail address is already used by another account', 'email_taken');
      throw error;
    }
  }

  /** Of these clients, those with an account not anonymised yet (retention erases them with the contacts). */
  clientsWithLiveAccounts(tx: EntityManager, clientIds: string[]): Promise<Set<string>> {
    return this.users.clientsWithLiveAccounts(tx, clientIds);
  }

  /** Anonymises every account of the client; how many changed now. */
  async anonymiseClientUsers(tx: EntityManager, clientId: string, now: Date): Promise<number> {
    return (await this.erasure.anonymiseClientUsers(tx, clientId, now)).length;
  }
}
