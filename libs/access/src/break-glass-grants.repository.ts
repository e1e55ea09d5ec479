import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { BreakGlassGrant } from './break-glass-grant.entity';

/** The SQL on `break_glass_grants`. Every method takes the caller's manager or transaction. */
@Injectable()
export class BreakGlassGrantsRepository {
  create(tx: EntityManager, fields: Pick<BreakGlassGrant, 'dpoId' | 'clientId' | 'reason' | 'expiresAt'>): Promise<BreakGlassGrant> {
    return tx.save(tx.create(BreakGlassGrant, fields));
  }

  save(tx: EntityManager, grant: BreakGlassGrant): Promise<BreakGlassGrant> {
    return tx.save(grant);
  }

  /** The DPO's own grant, row-locked until the transaction ends. */
  lockOwn(tx: EntityManager, dpoId: string, grantId: string): Promise<BreakGlassGrant | null> {
    return tx.findOne(BreakGlassGrant, { where: { id: grantId, dpoId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The DPO's grant for the client that expires latest after `now`, if any. */
  openAt(manager: EntityManager, dpoId: string, clientId: string, now: Date): Promise<BreakGlassGrant | null> {
    return manager.findOne(BreakGlassGrant, { where: { dpoId, clientId, expiresAt: MoreThan(now) }, order: { expiresAt: 'DESC' } });
  }

  latest(manager: EntityManager, limit: number): Promise<BreakGlassGrant[]> {
    return manager.find(BreakGlassGrant, { order: { createdAt: 'DESC' }, take: limit });
  }

  reasons(manager: EntityManager, grantIds: string[], clientId?: string): Promise<Pick<BreakGlassGrant, 'id' | 'reason'>[]> {
    return manager.find(BreakGlassGrant, { where: { id: In(grantIds), ...(clientId ? { clientId } : {}) }, select: { id: true, reason: true } });
  }
}
