import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';

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
  ) {}

  /** The client owning a call, message or recording; null when there is no such id. */
  async ownerOf(kind: 'call' | 'message' | 'recording', id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.dataSource.query('SELECT caller_data_owner($1, $2) AS client_id', [kind, id]);
    return row?.client_id ?? null;
  }

  /** Runs `work` in the tenant scope of the client owning a call, message or recording; 404 when there is none. */
  inScopeOfOwner<T>(kind: 'call' | 'message' | 'recording', id: string, work: (tx: EntityManager, clientId: string) => Promise<T>): Promise<T> {
    const missing = () => new NotFoundError(kind === 'message' ? 'Message' : kind === 'call' ? 'Call' : 'Recording');
    if (!UUID.test(id)) return Promise.reject(missing());
    return this.scope.runAsOwner('caller_data_owner($1, $2)', [kind, id], missing, work);
  }

  /** Clients for which the agent logged a call or a message since `since` (its working window). */
  async agentClients(agentId: string, since: Date): Promise<string[]> {
    const rows: { client_id: string }[] = await this.dataSource.query('SELECT client_id FROM agent_recent_clients($1, $2) AS t(client_id)', [agentId, since]);
    return rows.map((r) => r.client_id).sort();
  }
}
