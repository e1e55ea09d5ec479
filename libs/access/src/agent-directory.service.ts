import { Injectable } from '@nestjs/common';
import { AuditService } from '#audit';
import { ClientsService } from '#clients';
import type { IntakeScript } from '#clients';
import { AgentAssignmentsService } from './agent-assignments.service';
import { ForbiddenError } from './errors';
import { actorOf, Principal } from './principal';

/**
 * The clients an agent serves, each with its intake script (greeting, the fields to ask): what an
 * agent needs to answer their calls, without the clients' contact details. Each look-up is audited.
 */
@Injectable()
export class AgentDirectoryService {
  constructor(
    private readonly clients: ClientsService,
    private readonly assignments: AgentAssignmentsService,
    private readonly audit: AuditService,
  ) {}

  async clientsFor(principal: Principal, search?: string): Promise<IntakeScript[]> {
    if (principal.kind !== 'user' || (principal.role !== 'agent' && principal.role !== 'supervisor')) {
      throw new ForbiddenError('Only agents and supervisors serve clients', 'role');
    }
    const assigned = await this.assignments.assignedClientIds(principal.id);
    const scripts = await this.clients.intakeScripts(assigned.length ? assigned : null, search);
    await this.audit.append({
      actor: actorOf(principal),
      dataRole: 'controller',
      purpose: 'service_delivery',
      action: 'agent.clients.list',
      outcome: 'success',
      details: { count: scripts.length, searched: Boolean(search?.trim()) },
    });
    return scripts;
  }
}
