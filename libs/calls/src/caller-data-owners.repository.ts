import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlPart } from '#database';

export type OwnedKind = 'call' | 'message' | 'recording';

/**
 * Which client owns caller data, across `calls`, `caller_messages` and `recordings`, through the
 * owner functions of migration 1700000000510: they answer client ids only, and are the one read allowed
 * before a tenant scope exists.
 */
@Injectable()
export class CallerDataOwnersRepository {
  async ownerOf(manager: EntityManager, kind: OwnedKind, id: string): Promise<string | null> {
    const [row] = await manager.query('SELECT caller_data_owner($1, $2) AS client_id', [kind, id]);
    return row?.client_id ?? null;
  }

  /** The same lookup as SQL, for TenantScope.runAsOwner to set the scope in its first statement. */
  ownerLookup(kind: OwnedKind, id: string): SqlPart {
    return { sql: 'caller_data_owner($1, $2)', params: [kind, id] };
  }

  /** Clients for which the agent logged a call or a message since `since`. */
  async agentClients(manager: EntityManager, agentId: string, since: Date): Promise<string[]> {
    const rows: { client_id: string }[] = await manager.query('SELECT client_id FROM agent_recent_clients($1, $2) AS t(client_id)', [agentId, since]);
    return rows.map((r) => r.client_id);
  }
}
