import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { ClientsService } from '#clients';
import type { SqlPart } from '#database';
import { AgentAssignmentsRepository } from './agent-assignments.repository';
import { InvalidInputError } from './errors';

/** Which clients an agent serves: every active client unless an admin restricted it to a list. */
@Injectable()
export class AgentAssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly assignments: AgentAssignmentsRepository,
  ) {}

  /** Pass the caller's transaction: a second pooled connection per request can starve the pool under load. */
  serves(userId: string, clientId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return this.assignments.serves(manager, userId, clientId, this.clients.isActivePart(clientId));
  }

  /**
   * `serves` as one boolean in SQL, for the access policy's single read of its facts: the agent's list
   * (this library's table) and the client being under contract (the clients library's).
   */
  servesPart(userId: string, clientId: string): SqlPart {
    return this.assignments.servesPart(userId, clientId, this.clients.isActivePart(clientId));
  }

  /** The clients an agent is restricted to, sorted; empty means the default (every active client). */
  assignedClientIds(userId: string): Promise<string[]> {
    return this.assignments.clientIdsOf(this.dataSource.manager, userId);
  }

  /**
   * Replaces the agent's list, in the caller's transaction (the identity library's, which has checked
   * and locked the account); an empty list restores the default (every active client).
   */
  async replace(tx: EntityManager, adminId: string, userId: string, clientIds: string[]): Promise<void> {
    const distinct = [...new Set(clientIds)];
    if ((await this.clients.existingAmong(distinct, tx)).length !== distinct.length) throw new InvalidInputError('clientIds contains an unknown client');
    await this.assignments.replace(tx, userId, distinct);
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
  }
}
