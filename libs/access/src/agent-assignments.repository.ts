import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { placePart } from '#database';
import type { SqlPart } from '#database';
import { AgentAssignment } from './agent-assignment.entity';

/** The SQL on `agent_assignments`. Every method takes the caller's manager or transaction. */
@Injectable()
export class AgentAssignmentsRepository {
  /** Whether the agent's list allows the client (no list: every client), as one boolean in SQL. */
  allowsPart(userId: string, clientId: string): SqlPart {
    return {
      sql: `SELECT NOT EXISTS (SELECT 1 FROM agent_assignments a WHERE a.user_id = $1)
                   OR EXISTS (SELECT 1 FROM agent_assignments a WHERE a.user_id = $1 AND a.client_id = $2)`,
      params: [userId, clientId],
    };
  }

  /**
   * Whether the agent serves the client: its list allows it and the client is under contract (the
   * clients library's part), as one boolean in SQL for the access policy's single read of its facts.
   */
  servesPart(userId: string, clientId: string, clientActive: SqlPart): SqlPart {
    const params: unknown[] = [];
    const allowed = placePart(this.allowsPart(userId, clientId), params);
    const active = placePart(clientActive, params);
    return { sql: `SELECT (${allowed}) AND (${active})`, params };
  }

  async serves(manager: EntityManager, userId: string, clientId: string, clientActive: SqlPart): Promise<boolean> {
    const { sql, params } = this.servesPart(userId, clientId, clientActive);
    const [row] = await manager.query(`SELECT (${sql}) AS serves`, params);
    return row?.serves === true;
  }

  async clientIdsOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await manager.find(AgentAssignment, { where: { userId }, order: { clientId: 'ASC' } });
    return rows.map((r) => r.clientId);
  }

  async replace(tx: EntityManager, userId: string, clientIds: string[]): Promise<void> {
    await tx.delete(AgentAssignment, { userId });
    if (clientIds.length) await tx.insert(AgentAssignment, clientIds.map((clientId) => ({ userId, clientId })));
  }
}
