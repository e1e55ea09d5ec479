import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SessionsService } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { deriveKey, normalizeOneTimePassword, SecretHasher, unwrapKey, wrapKey } from '#crypto';
import { NotFoundError } from '#errors';
import { ConflictError, InvalidInputError } from './errors';
import { RecoveryCode } from './recovery-code.entity';
import { matchingStep, newTotpSecret, otpauthUrl, base32 } from './totp';
import { User } from './user.entity';

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
      await tx.update(User, { id: user.id }, { totpSecret: wrapKey(this.wrappingKey, secret, `totp:${user.id}`), totpLastStep: null });
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
      await tx.update(User, { id: user.id }, { totpConfirmedAt: this.clock.now(), totpLastStep: step });
      await tx.delete(RecoveryCode, { userId: user.id });
      await tx.insert(RecoveryCode, hashes.map((codeHash) => ({ userId: user.id, codeHash })));
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
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, select: { id: true, totpSecret: true, totpLastStep: true } });
    if (!user?.totpSecret) return null;
    if (input.totp) {
      const step = await this.check(user, input.totp);
      if (step === null) return null;
      // Atomic: two sign-ins racing with one code cannot both win.
      const result = await this.dataSource.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`, [userId, step]);
      return result[1] === 1 ? 'totp' : null;
    }
    if (input.recoveryCode) {
      const presented = normalizeOneTimePassword(input.recoveryCode);
      const unused = await this.dataSource.getRepository(RecoveryCode).find({ where: { userId, usedAt: IsNull() } });
      for (const candidate of unused) {
        if (!(await this.hasher.verify(candidate.codeHash, presented))) continue;
        const spent = await this.dataSource.getRepository(RecoveryCode).update({ id: candidate.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
        return spent.affected === 1 ? 'recovery_code' : null;
      }
    }
    return null;
  }

  /** An administrator removes a lost factor: the user enrols again at the next sign-in. */
  async reset(tx: EntityManager, userId: string): Promise<void> {
    await tx.update(User, { id: userId }, { totpSecret: null, totpConfirmedAt: null, totpLastStep: null });
    await tx.delete(RecoveryCode, { userId });
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
    const user = await tx.findOne(User, { where: { id }, select: { id: true, email: true, disabledAt: true, totpSecret: true, totpConfirmedAt: true, totpLastStep: true }, lock: { mode: 'pessimistic_write' } });
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
