import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantScope } from '#database';
import type { PreparedStatement } from '#database';
import { NotFoundError } from '#errors';
import { CallerDataOwnersRepository, OwnedKind } from './caller-data-owners.repository';

/** Owners remembered per process (about 100 bytes each). */
const KNOWN_OWNERS = 50_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which client an id belongs to, before any tenant scope exists (a call id in a URL, an agent's
 * recent work). Answers with client ids only, through the SQL functions of migration
 * 1700000000510; every read of the data itself then runs in TenantScope.run(owner) and is decided by
 * the access policy.
 */
@Injectable()
export class CallerDataOwners {
  /**
   * Owners found before, newest last. A call, message or recording never changes client, so a known
   * owner only saves the lookup: the scope it picks is still enforced by row-level security, and a
   * record deleted since is simply not found in it.
   */
  private readonly known = new Map<string, string>();

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

  /**
   * Runs `work` in the tenant scope of the client owning a call, message or recording; 404 when there
   * is none. `ahead`: the statements the work sends first, given the owner, for TenantScope.run to send
   * with the begin when the owner is already known here.
   */
  inScopeOfOwner<T>(kind: OwnedKind, id: string, work: (tx: EntityManager, clientId: string) => Promise<T>, ahead?: (clientId: string, manager: EntityManager) => PreparedStatement[]): Promise<T> {
    const missing = () => new NotFoundError(kind === 'message' ? 'Message' : kind === 'call' ? 'Call' : 'Recording');
    if (!UUID.test(id)) return Promise.reject(missing());
    const known = this.known.get(`${kind}:${id}`);
    if (known) return this.scope.run(known, (tx) => work(tx, known), undefined, ahead?.(known, this.dataSource.manager));
    const owner = this.owners.ownerLookup(kind, id);
    return this.scope.runAsOwner(owner.sql, owner.params, missing, (tx, clientId) => {
      this.ownerIs(kind, id, clientId);
      return work(tx, clientId);
    });
  }

  /** Remembers the client owning a record (found, or just created by it). */
  ownerIs(kind: OwnedKind, id: string, clientId: string): void {
    const key = `${kind}:${id}`;
    if (this.known.size >= KNOWN_OWNERS && !this.known.has(key)) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, clientId);
  }

  /** Clients for which the agent logged a call or a message since `since` (its working window). */
  async agentClients(agentId: string, since: Date): Promise<string[]> {
    return (await this.owners.agentClients(this.dataSource.manager, agentId, since)).sort();
  }
}
