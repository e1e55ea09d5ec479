import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SessionsService } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { deriveKey, normalizeOneTimePassword, SecretHasher, unwrapKey, wrapKey } from '#crypto';
import { NotFoundError } from '#errors';
import { ConflictError, InvalidInputError } from './errors';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { matchingStep, newTotpSecret, otpauthUrl, base32 } from './totp';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

const RECOVERY_CODES = 10;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** 4 groups of 4 Crockford base32 symbols: 80 bits, read and typed without look-alikes. */
function recoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) groups.push(Array.from({ length: 4 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join(''));
  return groups.join('-');
}

/**
 * The TOTP second factor (RFC 6238 via otplib) with one-time recovery codes. The secret is stored
 * wrapped under a key derived from MASTER_KEY; a code's time step is remembered so it works once.
 */
@Injectable()
export class SecondFactorService {
  private readonly wrappingKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: SecretHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: UsersRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    config: AppConfig,
  ) {
    this.wrappingKey = deriveKey(config.masterKey, 'identity/totp-secret');
  }

  /** Starts (or restarts) an enrolment: a fresh secret, not yet required at sign-in. */
  async enrol(principal: UserPrincipal): Promise<{ secret: string; otpauthUrl: string }> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.activeUser(tx, principal.id);
      if (user.totpConfirmedAt) throw new ConflictError('A second factor is already enrolled for this account', 'totp_already_enrolled');
      const secret = newTotpSecret();
      await this.accounts.startTotpEnrolment(tx, user.id, wrapKey(this.wrappingKey, secret, `totp:${user.id}`));
      await this.event(tx, principal, 'auth.totp.enrol', 'success');
      return { secret: base32(secret), otpauthUrl: otpauthUrl(user.email, secret) };
    });
  }

  /**
   * Confirms the enrolment with a first code; returns the recovery codes, shown this once. Every other
   * session of the account ends, and so does this one if it existed only to enrol.
   */
  async confirm(principal: UserPrincipal, code: string): Promise<{ recoveryCodes: string[] }> {
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    const hashes = await Promise.all(codes.map((c) => this.hasher.hash(c)));
    const confirmed = await this.dataSource.transaction(async (tx) => {
      const user = await this.activeUser(tx, principal.id);
      if (user.totpConfirmedAt || !user.totpSecret) throw new ConflictError('No enrolment is waiting for confirmation: start with POST /auth/totp/enrol', 'totp_not_enrolling');
      const step = await this.check(user, code);
      if (step === null) return false;
      await this.accounts.confirmTotp(tx, user.id, this.clock.now(), step);
      await this.recoveryCodes.replace(tx, user.id, hashes);
      await this.sessions.endAllFor(user.id, 'totp_enrolled', tx, principal.scope === 'full' ? principal.sessionId : undefined);
      await this.event(tx, principal, 'auth.totp.confirm', 'success');
      return true;
    });
    if (!confirmed) {
      await this.event(undefined, principal, 'auth.totp.confirm', 'denied', { reason: 'wrong_code' });
      throw new InvalidInputError('The code does not match: check the authenticator app and the device clock', 'totp_invalid');
    }
    this.sessions.forget(principal.id);
    return { recoveryCodes: codes };
  }

  /**
   * Checks a sign-in's second factor: a TOTP code not used before, or an unused recovery code (then
   * spent). Returns how it was met, or null.
   */
  async verifySignIn(userId: string, input: { totp?: string; recoveryCode?: string }): Promise<'totp' | 'recovery_code' | null> {
    const user = await this.accounts.totpOf(this.dataSource.manager, userId);
    if (!user?.totpSecret) return null;
    if (input.totp) {
      const step = await this.check(user, input.totp);
      if (step === null) return null;
      return (await this.accounts.spendTotpStep(this.dataSource.manager, userId, step)) ? 'totp' : null;
    }
    if (input.recoveryCode) {
      const presented = normalizeOneTimePassword(input.recoveryCode);
      const unused = await this.recoveryCodes.unusedOf(this.dataSource.manager, userId);
      for (const candidate of unused) {
        if (!(await this.hasher.verify(candidate.codeHash, presented))) continue;
        return (await this.recoveryCodes.spend(this.dataSource.manager, candidate.id, this.clock.now())) ? 'recovery_code' : null;
      }
    }
    return null;
  }

  /** An administrator removes a lost factor: the user enrols again at the next sign-in. */
  async reset(tx: EntityManager, userId: string): Promise<void> {
    await this.accounts.removeTotp(tx, userId);
    await this.recoveryCodes.removeAll(tx, userId);
  }

  /** The matching time step, or null. Refuses a step already used (replay). */
  private async check(user: Pick<User, 'id' | 'totpSecret' | 'totpLastStep'>, code: string): Promise<number | null> {
    const secret = unwrapKey(this.wrappingKey, user.totpSecret!, `totp:${user.id}`);
    try {
      return await matchingStep(secret, code.trim(), this.clock.now(), user.totpLastStep);
    } finally {
      secret.fill(0);
    }
  }

  private async activeUser(tx: EntityManager, id: string): Promise<User> {
    const user = await this.accounts.lockWithSecondFactor(tx, id);
    if (!user || user.disabledAt) throw new NotFoundError('User');
    return user;
  }

  private event(tx: EntityManager | undefined, principal: UserPrincipal, action: string, outcome: 'success' | 'denied', details?: Record<string, string>) {
    return this.audit.append(
      { actor: { id: principal.id, role: principal.role }, clientId: principal.clientId, dataRole: 'controller', purpose: 'security', action, subject: { type: 'user', id: principal.id }, outcome, details },
      tx,
    );
  }
}
