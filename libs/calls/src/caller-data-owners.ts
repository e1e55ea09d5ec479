import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { CallerDataOwnersRepository, OwnedKind } from './caller-data-owners.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which client an id belongs to, before any tenant scope exists (a call id in a URL, an agent's
 * recent work). Answers with client ids only, through the SQL functions of migration
 * 1700000000510; every read of the data itself then runs in TenantScope.run(owner) and is decided by
 * the access policy.
 */
@Injectable()
export class CallerDataOwners {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly owners: CallerDataOwnersRepository,
  ) {}

  /** The client owning a call, message or recording; null when there is no such id. */
  async ownerOf(kind: OwnedKind, id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    return this.owners.ownerOf(this.dataSource.manager, kind, id);
  }

  /** Runs `work` in the tenant scope of the client owning a call, message or recording; 404 when there is none. */
  inScopeOfOwner<T>(kind: OwnedKind, id: string, work: (tx: EntityManager, clientId: string) => Promise<T>): Promise<T> {
    const missing = () => new NotFoundError(kind === 'message' ? 'Message' : kind === 'call' ? 'Call' : 'Recording');
    if (!UUID.test(id)) return Promise.reject(missing());
    const owner = this.owners.ownerLookup(kind, id);
    return this.scope.runAsOwner(owner.sql, owner.params, missing, work);
  }

  /** Clients for which the agent logged a call or a message since `since` (its working window). */
  async agentClients(agentId: string, since: Date): Promise<string[]> {
    return (await this.owners.agentClients(this.dataSource.manager, agentId, since)).sort();
  }
}
