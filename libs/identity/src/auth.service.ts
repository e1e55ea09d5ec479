import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '#access';
import { AuditService } from '#audit';
import { SecretHasher } from '#crypto';
import { UnauthenticatedError } from '#errors';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a miss costs the same time as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: SecretHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findActiveByEmail(email);
    this.decoyHash ??= this.hasher.hash('decoy-password-for-timing');
    const valid = await this.hasher.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid) {
      // The email is personal data: the event names the user when known, never the address typed.
      await this.audit.append({
        actor: { id: user?.id ?? null, role: user?.role ?? 'anonymous' },
        clientId: user?.clientId ?? null,
        dataRole: 'controller',
        purpose: 'security',
        action: 'auth.login',
        subject: user ? { type: 'user', id: user.id } : undefined,
        outcome: 'denied',
        details: { reason: user ? 'wrong_password' : 'unknown_user' },
      });
      throw new UnauthenticatedError('Email or password is wrong', 'login_failed');
    }
    await this.dataSource.getRepository(User).update({ id: user.id }, { lastLoginAt: new Date() });
    await this.audit.append({
      actor: { id: user.id, role: user.role },
      clientId: user.clientId,
      dataRole: 'controller',
      purpose: 'security',
      action: 'auth.login',
      subject: { type: 'user', id: user.id },
      outcome: 'success',
    });
    return {
      accessToken: await this.tokens.issue(user),
      user: { id: user.id, role: user.role, clientId: user.clientId },
    };
  }
}
