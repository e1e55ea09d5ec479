import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KeyedHasher, SessionsService } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { NotFoundError } from '#errors';
import { ConflictError, InvalidInputError } from './errors';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

const HASH_PURPOSE = 'password-reset';
const TOKEN_PATTERN = /^cvpr_[A-Za-z0-9_-]{43}$/;

/**
 * One-time password resets an administrator hands to a user: 256 random bits, shown once, kept as a
 * keyed SHA-256, valid for PASSWORD_RESET_TTL_MINUTES; a newer one replaces an unused older one.
 */
@Injectable()
export class PasswordResets {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: KeyedHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly accounts: UsersRepository,
    private readonly tokens: PasswordResetTokensRepository,
  ) {}

  async issue(userId: string, admin: { id: string }): Promise<{ token: string; expiresAt: Date }> {
    const token = `cvpr_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(this.clock.now().getTime() + this.config.passwordResetTtlMinutes * 60_000);
    await this.dataSource.transaction(async (tx) => {
      const user = await this.accounts.lockById(tx, userId);
      if (!user) throw new NotFoundError('User');
      if (user.disabledAt) throw new ConflictError('The account is disabled: enable it first', 'user_disabled');
      await this.tokens.replaceUnused(tx, { userId, tokenHash: this.hasher.digest(HASH_PURPOSE, token), issuedBy: admin.id, expiresAt });
      await this.audit.append(
        { actor: { id: admin.id, role: 'admin' }, clientId: user.clientId, dataRole: 'controller', purpose: 'security', action: 'user.password_reset.issue', subject: { type: 'user', id: userId }, outcome: 'success', details: { expiresAt: expiresAt.toISOString() } },
        tx,
      );
    });
    return { token, expiresAt };
  }

  /** Sets the new password and ends every session of the account; returns the account. */
  async redeem(token: string, passwordHash: string): Promise<User> {
    const now = this.clock.now();
    const user = TOKEN_PATTERN.test(token)
      ? await this.dataSource.transaction(async (tx) => {
          const reset = await this.tokens.lockRedeemable(tx, this.hasher.digest(HASH_PURPOSE, token), now);
          const owner = reset && (await this.accounts.findActiveById(tx, reset.userId));
          if (!reset || !owner) return null;
          await this.tokens.markUsed(tx, reset.id, now);
          await this.accounts.setPassword(tx, owner.id, passwordHash, now);
          await this.sessions.endAllFor(owner.id, 'password_reset', tx);
          await this.audit.append(
            { actor: { id: owner.id, role: owner.role }, clientId: owner.clientId, dataRole: 'controller', purpose: 'security', action: 'auth.password.reset', subject: { type: 'user', id: owner.id }, outcome: 'success' },
            tx,
          );
          return owner;
        })
      : null;
    if (!user) {
      await this.audit.append({ actor: { id: null, role: 'anonymous' }, dataRole: 'controller', purpose: 'security', action: 'auth.password.reset', outcome: 'denied', details: { reason: 'token_invalid' } });
      throw new InvalidInputError('The reset token is unknown, used or expired: ask an administrator for a new one', 'reset_token_invalid');
    }
    return user;
  }
}
