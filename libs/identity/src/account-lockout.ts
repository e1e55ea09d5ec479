import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedHasher } from '#access';
import { AuditService } from '#audit';
import type { Role } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { TooManyAttemptsError } from './errors';
import { LoginFailuresRepository } from './login-failures.repository';

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
    private readonly failures: LoginFailuresRepository,
  ) {}

  /** Throws account_locked (429 with Retry-After) while the account is locked; audited. */
  async assertOpen(email: string, account: Account): Promise<void> {
    const row = await this.failures.byAccountKey(this.dataSource.manager, this.key(email));
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
      const failures = await this.failures.countFailure(tx, this.key(email), now, new Date(now.getTime() - FAILURE_MEMORY_MS));
      if (failures < threshold) return null;
      const seconds = Math.min(maxSeconds, baseSeconds * 2 ** Math.min(failures - threshold, 30));
      const lockedUntil = new Date(now.getTime() + seconds * 1000);
      await this.failures.lockUntil(tx, this.key(email), lockedUntil);
      await this.event(account, 'auth.lockout', { failures, lockedSeconds: seconds }, tx);
      return lockedUntil;
    });
  }

  /** After a successful sign-in or reset: the count starts again. */
  async clear(email: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.failures.remove(manager, this.key(email));
  }

  /** An administrator lifts the lock; true when there was anything to lift. */
  async unlock(email: string, manager: EntityManager): Promise<boolean> {
    return this.failures.remove(manager, this.key(email));
  }

  /** Erasure: the keyed hashes of the erased addresses go too. */
  async forget(manager: EntityManager, emails: string[]): Promise<void> {
    for (const email of emails) await this.failures.remove(manager, this.key(email));
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
