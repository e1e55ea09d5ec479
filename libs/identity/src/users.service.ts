import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgentAssignmentsService, SessionsService } from '#access';
import { AuditService, Role } from '#audit';
import { ClientsService } from '#clients';
import { Clock } from '#clock';
import { SecretHasher } from '#crypto';
import { NotFoundError } from '#errors';
import { AccountLockout } from './account-lockout';
import { ConflictError, InvalidInputError } from './errors';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { ERASED_EMAIL_PREFIX, UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  clientId?: string;
}

export type PublicUser = Pick<User, 'id' | 'email' | 'role' | 'clientId' | 'createdAt' | 'disabledAt'> & { totpEnrolled: boolean };

export const publicUser = ({ id, email, role, clientId, createdAt, disabledAt, totpConfirmedAt }: User): PublicUser => ({
  id,
  email,
  role,
  clientId,
  createdAt,
  disabledAt,
  totpEnrolled: Boolean(totpConfirmedAt),
});

type Admin = { id: string; role: 'admin' };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly hasher: SecretHasher,
    private readonly sessions: SessionsService,
    private readonly lockout: AccountLockout,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: UsersRepository,
    private readonly assignments: AgentAssignmentsService,
  ) {}

  async create(input: NewUser, actor: { id: string | null; role: 'admin' | 'system' }, manager?: EntityManager): Promise<PublicUser> {
    if ((input.role === 'client') !== Boolean(input.clientId)) {
      throw new InvalidInputError('clientId is required for role client and not allowed for other roles');
    }
    const passwordHash = await this.hasher.hash(input.password);
    const work = async (tx: EntityManager) => {
      if (input.clientId) await this.clients.get(input.clientId, tx);
      const email = input.email.toLowerCase();
      if (await this.accounts.emailTaken(tx, email)) throw new ConflictError('A user with this email already exists', 'email_taken');
      const user = await this.accounts.insert(tx, { email, passwordHash, role: input.role, clientId: input.clientId ?? null });
      await this.event(tx, actor, user, 'user.create', { role: user.role });
      return publicUser(user);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Every account; the read of operator records is itself recorded. */
  async list(actor: Admin): Promise<PublicUser[]> {
    return this.dataSource.transaction(async (tx) => {
      const users = await this.accounts.all(tx);
      await this.audit.append({ actor, dataRole: 'controller', purpose: 'security', action: 'user.list', outcome: 'success', details: { returned: users.length } }, tx);
      return users.map(publicUser);
    });
  }

  /** Disables the account and ends every session of it at once. */
  async disable(userId: string, admin: Admin): Promise<PublicUser> {
    if (userId === admin.id) throw new ConflictError('An administrator cannot disable their own account', 'cannot_disable_self');
    const user = await this.change(userId, admin, 'user.disable', async (tx, u) => {
      if (!u.disabledAt) await this.accounts.setDisabledAt(tx, u.id, this.clock.now());
      await this.sessions.endAllFor(u.id, 'disabled', tx);
    });
    this.sessions.forget(userId);
    return user;
  }

  async enable(userId: string, admin: Admin): Promise<PublicUser> {
    return this.change(userId, admin, 'user.enable', async (tx, u) => {
      if (u.email.startsWith(ERASED_EMAIL_PREFIX)) throw new ConflictError('An erased account cannot be enabled again', 'user_erased');
      await this.accounts.setDisabledAt(tx, u.id, null);
    });
  }

  /** Lifts a sign-in lockout (LOGIN_LOCKOUT_*). */
  async unlock(userId: string, admin: Admin): Promise<void> {
    await this.change(userId, admin, 'user.unlock', (tx, u) => this.lockout.unlock(u.email, tx).then(() => undefined));
  }

  /** Removes a lost second factor; the user enrols again when next signing in. Their sessions end. */
  async resetSecondFactor(userId: string, admin: Admin): Promise<PublicUser> {
    const user = await this.change(userId, admin, 'user.totp.reset', async (tx, u) => {
      await this.secondFactor.reset(tx, u.id);
      await this.sessions.endAllFor(u.id, 'second_factor_reset', tx);
    });
    this.sessions.forget(userId);
    return user;
  }

  /**
   * Restricts an agent or supervisor to these clients (empty: every active client). The account is
   * checked and locked here; the access library keeps the list, in this transaction.
   */
  async restrictAgent(userId: string, clientIds: string[], admin: Admin): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const user = await this.accounts.lockById(tx, userId);
      if (!user) throw new NotFoundError('User');
      if (user.role !== 'agent' && user.role !== 'supervisor') throw new InvalidInputError('Only agents and supervisors serve clients');
      await this.assignments.replace(tx, admin.id, userId, clientIds);
    });
  }

  findActiveByEmail(email: string): Promise<User | null> {
    return this.accounts.findActiveByEmail(this.dataSource.manager, email);
  }

  findActiveById(id: string): Promise<User | null> {
    return this.accounts.findActiveById(this.dataSource.manager, id);
  }

  /** Runs one audited change to an account in a transaction; returns the account as it is afterwards. */
  private async change(userId: string, admin: Admin, action: string, apply: (tx: EntityManager, user: User) => Promise<void>): Promise<PublicUser> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.accounts.lockById(tx, userId);
      if (!user) throw new NotFoundError('User');
      await apply(tx, user);
      await this.event(tx, admin, user, action);
      return publicUser(await this.accounts.byId(tx, userId));
    });
  }

  private event(tx: EntityManager, actor: { id: string | null; role: 'admin' | 'system' }, user: User, action: string, details?: Record<string, string>) {
    return this.audit.append({ actor, clientId: user.clientId, dataRole: 'controller', purpose: 'security', action, subject: { type: 'user', id: user.id }, outcome: 'success', details }, tx);
  }
}
