import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenService, SessionsService } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { Role } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { SecretHasher } from '#crypto';
import { AccountLockout } from './account-lockout';
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from './errors';
import { PasswordResets } from './password-resets';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

export interface SignIn {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export interface SignedIn {
  accessToken: string;
  user: { id: string; role: Role; clientId: string | null };
  /** Set when the token may only enrol a second factor (admin or DPO without one, where it is required). */
  totpEnrolmentRequired?: true;
}

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'dpo'];

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a miss costs the same time as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: SecretHasher,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsService,
    private readonly lockout: AccountLockout,
    private readonly secondFactor: SecondFactorService,
    private readonly resets: PasswordResets,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly accounts: UsersRepository,
  ) {}

  async login(input: SignIn): Promise<SignedIn> {
    const user = await this.users.findActiveByEmail(input.email);
    await this.lockout.assertOpen(input.email, user);
    this.decoyHash ??= this.hasher.hash('decoy-password-for-timing');
    const valid = await this.hasher.verify(user?.passwordHash ?? (await this.decoyHash), input.password);
    if (!user || !valid) {
      // The email is personal data: the event names the user when known, never the address typed.
      await this.refuse(input.email, user, user ? 'wrong_password' : 'unknown_user');
      throw new UnauthenticatedError('Email or password is wrong', 'login_failed');
    }
    let secondFactor: 'totp' | 'recovery_code' | 'none' = 'none';
    if (user.totpConfirmedAt) {
      if (!input.totp && !input.recoveryCode) {
        throw new UnauthenticatedError('This account also needs a code from its authenticator app (totp) or a recovery code (recoveryCode)', 'totp_required');
      }
      const met = await this.secondFactor.verifySignIn(user.id, input);
      if (!met) {
        await this.refuse(input.email, user, 'wrong_second_factor');
        throw new UnauthenticatedError('The authenticator code or recovery code is wrong or already used', 'second_factor_invalid');
      }
      secondFactor = met;
    }
    const enrolmentOnly = !user.totpConfirmedAt && this.config.totpRequired && SECOND_FACTOR_ROLES.includes(user.role);
    await this.lockout.clear(input.email);
    const accessToken = await this.dataSource.transaction(async (tx) => {
      await this.accounts.recordSignIn(tx, user.id, this.clock.now());
      const { token } = await this.tokens.issue(user, enrolmentOnly ? 'totp_enrolment' : 'full', tx);
      await this.event(tx, user, 'auth.login', 'success', { secondFactor, ...(enrolmentOnly ? { scope: 'totp_enrolment' } : {}) });
      return token;
    });
    return { accessToken, user: { id: user.id, role: user.role, clientId: user.clientId }, ...(enrolmentOnly ? { totpEnrolmentRequired: true as const } : {}) };
  }

  /** Ends the session the request's token belongs to; the token stops working at once. */
  async logout(principal: UserPrincipal): Promise<void> {
    if (!principal.sessionId) return;
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.end(principal.sessionId!, 'logout', tx);
      await this.event(tx, principal, 'auth.logout', 'success');
    });
    this.sessions.forget(principal.id);
  }

  /** The user changes their own password; every session of theirs ends, this one included. */
  async changePassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findActiveById(principal.id);
    if (!user) throw new UnauthenticatedError();
    await this.lockout.assertOpen(user.email, user);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.refuse(user.email, user, 'wrong_password', 'auth.password.change');
      throw new ForbiddenError('The current password is wrong', 'current_password_wrong');
    }
    if (currentPassword === newPassword) throw new InvalidInputError('newPassword must differ from the current password', 'password_unchanged');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.accounts.setPassword(tx, user.id, passwordHash, this.clock.now());
      await this.sessions.endAllFor(user.id, 'password_changed', tx);
      await this.event(tx, user, 'auth.password.change', 'success');
    });
    this.sessions.forget(user.id);
  }

  /** Redeems an administrator's one-time reset token (no sign-in needed). */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const user = await this.resets.redeem(token, passwordHash);
    await this.lockout.clear(user.email);
    this.sessions.forget(user.id);
  }

  private async refuse(email: string, user: User | null, reason: string, action = 'auth.login'): Promise<void> {
    await this.audit.append({
      actor: { id: user?.id ?? null, role: user?.role ?? 'anonymous' },
      clientId: user?.clientId ?? null,
      dataRole: 'controller',
      purpose: 'security',
      action,
      subject: user ? { type: 'user', id: user.id } : undefined,
      outcome: 'denied',
      details: { reason },
    });
    await this.lockout.recordFailure(email, user);
  }

  private event(tx: EntityManager, user: { id: string; role: Role; clientId: string | null }, action: string, outcome: 'success', details?: Record<string, string>) {
    return this.audit.append({ actor: { id: user.id, role: user.role }, clientId: user.clientId, dataRole: 'controller', purpose: 'security', action, subject: { type: 'user', id: user.id }, outcome, details }, tx);
  }
}
