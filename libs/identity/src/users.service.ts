import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, Role } from '#audit';
import { ClientsService } from '#clients';
import { SecretHasher } from '#crypto';
import { ConflictError, InvalidInputError } from '#errors';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  clientId?: string;
}

export type PublicUser = Pick<User, 'id' | 'email' | 'role' | 'clientId' | 'createdAt'>;

export const publicUser = ({ id, email, role, clientId, createdAt }: User): PublicUser => ({ id, email, role, clientId, createdAt });

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditService,
  ) {}

  async create(input: NewUser, actor: { id: string | null; role: 'admin' | 'system' }, manager?: EntityManager): Promise<PublicUser> {
    if ((input.role === 'client') !== Boolean(input.clientId)) {
      throw new InvalidInputError('clientId is required for role client and not allowed for other roles');
    }
    const passwordHash = await this.hasher.hash(input.password);
    const work = async (tx: EntityManager) => {
      if (input.clientId) await this.clients.get(input.clientId, tx);
      const email = input.email.toLowerCase();
      if (await tx.exists(User, { where: { email } })) throw new ConflictError('A user with this email already exists', 'email_taken');
      const user = await tx.save(tx.create(User, { email, passwordHash, role: input.role, clientId: input.clientId ?? null }));
      await this.audit.append(
        {
          actor,
          clientId: user.clientId,
          dataRole: 'controller',
          purpose: 'security',
          action: 'user.create',
          subject: { type: 'user', id: user.id },
          outcome: 'success',
          details: { role: user.role },
        },
        tx,
      );
      return publicUser(user);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  async list(): Promise<PublicUser[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { createdAt: 'ASC' } });
    return users.map(publicUser);
  }

  findActiveByEmail(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.disabled_at IS NULL')
      .getOne();
  }
}
