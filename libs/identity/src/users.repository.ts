import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { ADVISORY_LOCKS } from '#database';
import { User } from './user.entity';

/** The marker an anonymised account's e-mail address starts with. */
export const ERASED_EMAIL_PREFIX = 'erased+';

/** An account as a data subject's export shows it: no secret, no hash. */
export type UserExportRow = {
  id: string;
  email: string;
  role: string;
  clientId: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
};

/** The SQL on `users` (and the credentials that hang off an account). Every method takes the caller's manager or transaction. */
@Injectable()
export class UsersRepository {
  findActiveByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).andWhere('u.disabled_at IS NULL').getOne();
  }

  findActiveById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.findOne(User, { where: { id, disabledAt: IsNull() } });
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return manager.exists(User, { where: { email } });
  }

  insert(tx: EntityManager, fields: Pick<User, 'email' | 'passwordHash' | 'role' | 'clientId'>): Promise<User> {
    return tx.save(tx.create(User, fields));
  }

  all(manager: EntityManager): Promise<User[]> {
    return manager.find(User, { order: { createdAt: 'ASC' } });
  }

  byId(manager: EntityManager, id: string): Promise<User> {
    return manager.findOneByOrFail(User, { id });
  }

  async setDisabledAt(tx: EntityManager, id: string, disabledAt: Date | null): Promise<void> {
    await tx.update(User, { id }, { disabledAt });
  }

  /** The account, row-locked until the transaction ends. */
  lockById(tx: EntityManager, id: string): Promise<User | null> {
    return tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async recordSignIn(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(User, { id }, { lastLoginAt: at });
  }

  async setPassword(tx: EntityManager, id: string, passwordHash: string, changedAt: Date): Promise<void> {
    await tx.update(User, { id }, { passwordHash, passwordChangedAt: changedAt });
  }

  /** Waits for any other process creating the bootstrap admin, until the transaction ends. */
  async lockBootstrap(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.bootstrapAdmin]);
  }

  adminExists(manager: EntityManager): Promise<boolean> {
    return manager.exists(User, { where: { role: 'admin' } });
  }

  /** The account with its second factor, row-locked until the transaction ends (enrolment and its confirmation). */
  lockWithSecondFactor(tx: EntityManager, id: string): Promise<User | null> {
    return tx.findOne(User, {
      where: { id },
      select: { id: true, email: true, disabledAt: true, totpSecret: true, totpConfirmedAt: true, totpLastStep: true },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Just what checking a sign-in's code needs, without a lock (the step is then spent atomically). */
  totpOf(manager: EntityManager, id: string): Promise<Pick<User, 'id' | 'totpSecret' | 'totpLastStep'> | null> {
    return manager.findOne(User, { where: { id }, select: { id: true, totpSecret: true, totpLastStep: true } });
  }

  /** A new (wrapped) secret waiting for confirmation; no step used with it yet. */
  async startTotpEnrolment(tx: EntityManager, id: string, wrappedSecret: Buffer): Promise<void> {
    await tx.update(User, { id }, { totpSecret: wrappedSecret, totpLastStep: null });
  }

  async confirmTotp(tx: EntityManager, id: string, confirmedAt: Date, step: number): Promise<void> {
    await tx.update(User, { id }, { totpConfirmedAt: confirmedAt, totpLastStep: step });
  }

  async removeTotp(tx: EntityManager, id: string): Promise<void> {
    await tx.update(User, { id }, { totpSecret: null, totpConfirmedAt: null, totpLastStep: null });
  }

  /** True when this call spent the step: one conditional update, so two sign-ins racing with one code cannot both win. */
  async spendTotpStep(manager: EntityManager, id: string, step: number): Promise<boolean> {
    const result = await manager.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`, [id, step]);
    return result[1] === 1;
  }

  /** Accounts with this (lower-cased) e-mail address, oldest first. */
  async idsByEmail(manager: EntityManager, email: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE lower(email) = $1 ORDER BY created_at`, [email]);
    return rows.map((r) => r.id);
  }

  async idsOfClient(manager: EntityManager, clientId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE client_id = $1`, [clientId]);
    return rows.map((r) => r.id);
  }

  /** Of these clients, those with at least one account not anonymised yet. */
  async clientsWithLiveAccounts(manager: EntityManager, clientIds: string[]): Promise<Set<string>> {
    if (!clientIds.length) return new Set();
    const rows: { client_id: string }[] = await manager.query(
      `SELECT DISTINCT client_id FROM users WHERE client_id = ANY($1::uuid[]) AND email NOT LIKE '${ERASED_EMAIL_PREFIX}%'`,
      [clientIds],
    );
    return new Set(rows.map((r) => r.client_id));
  }

  /** True when the account exists and now has this address; throws the driver's unique violation (23505) when it is taken. */
  async setEmail(tx: EntityManager, id: string, email: string): Promise<boolean> {
    const result = await tx.update(User, { id }, { email });
    return Boolean(result.affected);
  }

  exportRows(manager: EntityManager, ids: string[]): Promise<UserExportRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return manager.query(
      `SELECT id, email, role, client_id AS "clientId", created_at AS "createdAt", last_login_at AS "lastLoginAt", disabled_at AS "disabledAt"
         FROM users WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    );
  }

  /**
   * The address becomes `erased+<id>@erased.invalid`, password and second factor can never match, the
   * account is disabled; recovery codes and reset tokens go. The ids changed now, with their old addresses.
   */
  async anonymise(tx: EntityManager, ids: string[], now: Date): Promise<{ id: string; email: string }[]> {
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
    if (changed.length) {
      await tx.query(`DELETE FROM user_recovery_codes WHERE user_id = ANY($1::uuid[])`, [changed]);
      await tx.query(`DELETE FROM password_reset_tokens WHERE user_id = ANY($1::uuid[])`, [changed]);
    }
    return rows;
  }
}
