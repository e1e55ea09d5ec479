import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedHasher } from '#access';
import { AuditService } from '#audit';
import type { Role } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { TooManyAttemptsError } from './errors';
import { LoginFailure } from './login-failure.entity';

/** Failures older than this no longer count: the next one starts again from one. */
const FAILURE_MEMORY_MS = 24 * 3600_000;

type Account = { id: string; role: Role; clientId: string | null } | null;

/**
 * Per-account lockout with growing delays. After LOGIN_LOCKOUT_THRESHOLD consecutive failures the
 * account is refused for LOGIN_LOCKOUT_BASE_SECONDS, doubling with each further failure up to
 * LOGIN_LOCKOUT_MAX_SECONDS. Kept in Postgres, so every API process shares it.
 */
@Injectable()
export class AccountLockout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: KeyedHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Throws account_locked (429 with Retry-After) while the account is locked; audited. */
  async assertOpen(email: string, account: Account): Promise<void> {
    const row = await this.dataSource.getRepository(LoginFailure).findOneBy({ accountKey: this.key(email) });
    const now = this.clock.now();
    if (!row?.lockedUntil || row.lockedUntil <= now) return;
    await this.event(account, 'auth.login', { reason: 'locked' });
    throw new TooManyAttemptsError(
      'Too many failed sign-ins for this account: try again later, or ask an administrator to unlock it',
      'account_locked',
      (row.lockedUntil.getTime() - now.getTime()) / 1000,
    );
  }

  /** Counts one failure; returns when the account is locked until, if this failure locked it. */
  async recordFailure(email: string, account: Account): Promise<Date | null> {
    const now = this.clock.now();
    const { threshold, baseSeconds, maxSeconds } = this.config.loginLockout;
    return this.dataSource.transaction(async (tx) => {
      const [row]: { failures: number }[] = await tx.query(
        `INSERT INTO login_failures (account_key, failures, last_failure_at) VALUES ($1, 1, $2)
         ON CONFLICT (account_key) DO UPDATE
           SET failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1 ELSE login_failures.failures + 1 END, last_failure_at = $2
         RETURNING failures`,
        [this.key(email), now, new Date(now.getTime() - FAILURE_MEMORY_MS)],
      );
      if (row.failures < threshold) return null;
      const seconds = Math.min(maxSeconds, baseSeconds * 2 ** Math.min(row.failures - threshold, 30));
      const lockedUntil = new Date(now.getTime() + seconds * 1000);
      await tx.update(LoginFailure, { accountKey: this.key(email) }, { lockedUntil });
      await this.event(account, 'auth.lockout', { failures: row.failures, lockedSeconds: seconds }, tx);
      return lockedUntil;
    });
  }

  /** After a successful sign-in or reset: the count starts again. */
  async clear(email: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.delete(LoginFailure, { accountKey: this.key(email) });
  }

  /** An administrator lifts the lock; true when there was anything to lift. */
  async unlock(email: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(LoginFailure, { accountKey: this.key(email) });
    return (result.affected ?? 0) > 0;
  }

  /** Erasure: the keyed hashes of the erased addresses go too. */
  async forget(manager: EntityManager, emails: string[]): Promise<void> {
    for (const email of emails) await manager.delete(LoginFailure, { accountKey: this.key(email) });
  }

  private key(email: string): string {
    return this.hasher.digest('login-account', email.trim().toLowerCase());
  }

  private event(account: Account, action: string, details: Record<string, string | number>, manager?: EntityManager) {
    return this.audit.append(
      {
        actor: { id: account?.id ?? null, role: account?.role ?? 'anonymous' },
        clientId: account?.clientId ?? null,
        dataRole: 'controller',
        purpose: 'security',
        action,
        subject: account ? { type: 'user', id: account.id } : undefined,
        outcome: 'denied',
        details,
      },
      manager,
    );
  }
}
