import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { ClientsService } from '#clients';
import { NotFoundError } from '#errors';
import { BreakGlassGrant } from './break-glass-grant.entity';
import { ConflictError, InvalidInputError } from './errors';
import { BreakGlassGrantsRepository } from './break-glass-grants.repository';

export const BREAK_GLASS_MAX_MINUTES = 240;

/** The DPO's only way to caller content: a stated reason, a time limit, an audit event the client sees. */
@Injectable()
export class BreakGlassService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly grants: BreakGlassGrantsRepository,
  ) {}

  async open(dpoId: string, clientId: string, reason: string, durationMinutes: number): Promise<BreakGlassGrant> {
    if (reason.trim().length < 10) throw new InvalidInputError('reason must say why, in at least 10 characters', 'break_glass_reason');
    if (durationMinutes < 1 || durationMinutes > BREAK_GLASS_MAX_MINUTES) {
      throw new InvalidInputError(`durationMinutes must be between 1 and ${BREAK_GLASS_MAX_MINUTES}`);
    }
    await this.clients.get(clientId);
    return this.dataSource.transaction(async (tx) => {
      const grant = await this.grants.create(tx, {
        dpoId,
        clientId,
        reason: reason.trim(),
        expiresAt: new Date(this.clock.now().getTime() + durationMinutes * 60_000),
      });
      await this.audit.append(
        {
          actor: { id: dpoId, role: 'dpo' },
          clientId,
          dataRole: 'processor',
          purpose: 'legal_obligation',
          action: 'break_glass.open',
          subject: { type: 'break_glass', id: grant.id },
          outcome: 'success',
          details: { expiresAt: grant.expiresAt.toISOString(), durationMinutes },
        },
        tx,
      );
      return grant;
    });
  }

  /** Ends the DPO's own open grant now, before its expiry; audited under the client like the opening. */
  close(dpoId: string, grantId: string): Promise<BreakGlassGrant> {
    return this.dataSource.transaction(async (tx) => {
      const grant = await this.grants.lockOwn(tx, dpoId, grantId);
      if (!grant) throw new NotFoundError('Break-glass grant');
      const now = this.clock.now();
      if (grant.expiresAt.getTime() <= now.getTime()) throw new ConflictError('The break-glass grant is already closed', 'break_glass_closed');
      grant.closedAt = now;
      grant.expiresAt = now;
      await this.grants.save(tx, grant);
      await this.audit.append(
        {
          actor: { id: dpoId, role: 'dpo' },
          clientId: grant.clientId,
          dataRole: 'processor',
          purpose: 'legal_obligation',
          action: 'break_glass.close',
          subject: { type: 'break_glass', id: grant.id },
          outcome: 'success',
        },
        tx,
      );
      return grant;
    });
  }

  /** The DPO's grant for this client that is still open, if any. */
  active(dpoId: string, clientId: string, manager: EntityManager = this.dataSource.manager): Promise<BreakGlassGrant | null> {
    return this.grants.openAt(manager, dpoId, clientId, this.clock.now());
  }

  /** The latest grants, for the DPO; reading them is itself recorded. */
  async list(actor: { id: string; role: 'dpo' }): Promise<BreakGlassGrant[]> {
    return this.dataSource.transaction(async (tx) => {
      const grants = await this.grants.latest(tx, 200);
      await this.audit.append({ actor, dataRole: 'controller', purpose: 'security', action: 'break_glass.list', outcome: 'success', details: { returned: grants.length } }, tx);
      return grants;
    });
  }

  /** The reasons given for these grants, so a client's trail says why its data was reached. */
  async reasons(grantIds: string[], clientId?: string): Promise<Map<string, string>> {
    if (!grantIds.length) return new Map();
    const grants = await this.grants.reasons(this.dataSource.manager, grantIds, clientId);
    return new Map(grants.map((g) => [g.id, g.reason]));
  }
}
