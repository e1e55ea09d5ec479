import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { BreachAffectedClient } from './breach-affected-client.entity';
import { Breach } from './breach.entity';

/** The SQL on `breaches` and `breach_affected_clients`. Every method takes the caller's manager or transaction. */
@Injectable()
export class BreachesRepository {
  record(tx: EntityManager, fields: Partial<Breach>): Promise<Breach> {
    return tx.save(tx.create(Breach, fields));
  }

  /** Each client must be told by `notifyBy`. */
  async addAffectedClients(tx: EntityManager, breachId: string, clientIds: string[], notifyBy: Date): Promise<void> {
    if (!clientIds.length) return;
    await tx.insert(
      BreachAffectedClient,
      clientIds.map((clientId) => ({ breachId, clientId, notifyBy })),
    );
  }

  /** Every breach with its affected clients, newest detection first. */
  all(manager: EntityManager): Promise<Breach[]> {
    return manager.find(Breach, { relations: { affectedClients: true }, order: { detectedAt: 'DESC' } });
  }

  withAffectedClients(manager: EntityManager, id: string): Promise<Breach | null> {
    return manager.findOne(Breach, { where: { id }, relations: { affectedClients: true } });
  }

  /** The breach, row-locked until the transaction ends (actions on one breach take turns). */
  lock(tx: EntityManager, id: string): Promise<Breach | null> {
    return tx.findOne(Breach, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: EntityManager, breach: Breach): Promise<Breach> {
    return tx.save(breach);
  }

  affectedClient(tx: EntityManager, breachId: string, clientId: string): Promise<BreachAffectedClient | null> {
    return tx.findOne(BreachAffectedClient, { where: { breachId, clientId } });
  }

  async markClientNotified(tx: EntityManager, breachId: string, clientId: string, notice: { at: Date; by: string; channel: string | null }): Promise<void> {
    await tx.update(BreachAffectedClient, { breachId, clientId }, { notifiedAt: notice.at, notifiedBy: notice.by, channel: notice.channel });
  }

  clientsAwaitingNotice(tx: EntityManager, breachId: string): Promise<number> {
    return tx.count(BreachAffectedClient, { where: { breachId, notifiedAt: IsNull() } });
  }
}
