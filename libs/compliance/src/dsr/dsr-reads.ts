import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { DataSubjectRequest } from './data-subject-request.entity';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { DsrForward } from './dsr-forward.entity';
import { isClientUser } from './dsr-rules';
import { inboxView, requestView } from './dsr-views';
import { OPEN_DSR_STATUSES } from './dsr.types';

/**
 * Reading requests: the DPO sees every request with its forwards; a client user sees only the
 * forwards to its own client (a request not forwarded to it looks exactly like a missing one).
 * Every read is audited.
 */
@Injectable()
export class DsrReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly requests: DataSubjectRequestsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Open requests, overdue first (then by due date). A client user sees only requests forwarded to its client. */
  async list(principal: Principal, status: 'open' | 'closed' | 'all' = 'open') {
    const now = this.clock.now();
    if (isClientUser(principal)) {
      const clientId = principal.clientId;
      const statuses = status === 'open' ? (['awaiting_client', 'answered'] as const) : status === 'closed' ? (['closed'] as const) : undefined;
      const forwards = await this.scope.run(clientId, (tx) => this.requests.forwardsOfClient(tx, clientId, statuses));
      const views = forwards.map((f) => inboxView(f.request!, f, now)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      await this.recordRead(principal, 'dsr.list', null, { results: views.length }, clientId);
      return views;
    }
    const statuses = status === 'open' ? OPEN_DSR_STATUSES : status === 'closed' ? (['completed', 'refused'] as const) : undefined;
    const requests = await this.requests.list(this.dataSource.manager, statuses);
    const forwards = await this.forwardsOf(requests.map((r) => r.id));
    const views = requests.map((r) => requestView(r, forwards.filter((f) => f.requestId === r.id), now));
    // Overdue first, then soonest due; dueAt order already does this for open requests.
    views.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.getTime() - b.dueAt.getTime());
    await this.recordRead(principal, 'dsr.list', null, { results: views.length });
    return views;
  }

  async get(principal: Principal, id: string, audited = true) {
    const now = this.clock.now();
    if (isClientUser(principal)) {
      const { request, forward } = await this.forwardFor(principal.clientId, id);
      if (audited) await this.recordRead(principal, 'dsr.read', id, {}, principal.clientId);
      return inboxView(request, forward, now);
    }
    const request = await this.requestOrFail(this.dataSource.manager, id);
    if (audited) await this.recordRead(principal, 'dsr.read', id, {});
    return requestView(request, await this.forwardsOf([id]), now);
  }

  async forwardFor(clientId: string, requestId: string): Promise<{ request: DataSubjectRequest; forward: DsrForward }> {
    const forward = await this.scope.run(clientId, (tx) => this.requests.forwardWithRequest(tx, clientId, requestId));
    // A request not forwarded to this client looks exactly like one that does not exist.
    if (!forward?.request) throw new NotFoundError('Data subject request');
    return { request: forward.request, forward };
  }

  async requestOrFail(manager: EntityManager, id: string, lock = false): Promise<DataSubjectRequest> {
    const request = await this.requests.byId(manager, id, lock);
    if (!request) throw new NotFoundError('Data subject request');
    return request;
  }

  private forwardsOf(requestIds: string[]): Promise<DsrForward[]> {
    if (!requestIds.length) return Promise.resolve([]);
    return this.scope.runAcrossClients('data_subject_search', (tx) => this.requests.forwardsOf(tx, requestIds));
  }

  private recordRead(principal: Principal, action: string, id: string | null, details: Record<string, number>, clientId: string | null = null) {
    return this.audit.append({
      actor: actorOf(principal),
      clientId,
      dataRole: 'controller',
      purpose: 'legal_obligation',
      action,
      subject: id ? { type: 'data_subject_request', id } : undefined,
      outcome: 'success',
      details,
    });
  }
}
