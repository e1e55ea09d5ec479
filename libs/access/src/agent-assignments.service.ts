import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '#audit';
import { Client } from '#clients';
import type { SqlPart } from '#database';
import { InvalidInputError, NotFoundError } from '#errors';
import { AgentAssignment } from './agent-assignment.entity';

/** Which clients an agent serves: every active client unless an admin restricted it to a list. */
@Injectable()
export class AgentAssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Pass the caller's transaction: a second pooled connection per request can starve the pool under load. */
  async serves(userId: string, clientId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const { sql, params } = this.servesPart(userId, clientId);
    const [row] = await manager.query(`SELECT (${sql}) AS serves`, params);
    return row?.serves === true;
  }

  /** SQL giving `serves` as one boolean, for the access policy's single read of its facts. */
  servesPart(userId: string, clientId: string): SqlPart {
    return {
      sql: `SELECT coalesce((SELECT c.status = 'active'
                                AND (NOT EXISTS (SELECT 1 FROM agent_assignments a WHERE a.user_id = $1)
                                     OR EXISTS (SELECT 1 FROM agent_assignments a WHERE a.user_id = $1 AND a.client_id = $2))
                           FROM clients c WHERE c.id = $2), false)`,
      params: [userId, clientId],
    };
  }

  /** The clients an agent is restricted to, sorted; empty means the default (every active client). */
  async assignedClientIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(AgentAssignment).find({ where: { userId }, order: { clientId: 'ASC' } });
    return rows.map((r) => r.clientId);
  }

  /** Replaces the agent's list; an empty list restores the default (every active client). */
  async restrict(adminId: string, userId: string, clientIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [user] = await tx.query('SELECT role FROM users WHERE id = $1', [userId]);
      if (!user) throw new NotFoundError('User');
      if (user.role !== 'agent' && user.role !== 'supervisor') throw new InvalidInputError('Only agents and supervisors serve clients');
      if (clientIds.length && (await tx.count(Client, { where: { id: In(clientIds) } })) !== new Set(clientIds).size) {
        throw new InvalidInputError('clientIds contains an unknown client');
      }
      await tx.delete(AgentAssignment, { userId });
      if (clientIds.length) await tx.insert(AgentAssignment, [...new Set(clientIds)].map((clientId) => ({ userId, clientId })));
      await this.audit.append(
        {
          actor: { id: adminId, role: 'admin' },
          dataRole: 'controller',
          purpose: 'security',
          action: 'agent.assignments.set',
          subject: { type: 'user', id: userId },
          outcome: 'success',
          details: { clients: clientIds.length },
        },
        tx,
      );
    });
  }
}
