import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** The SQL on `webhook_endpoints`. Every method takes the caller's manager or transaction. */
@Injectable()
export class WebhookEndpointsRepository {
  async insert(tx: EntityManager, endpoint: WebhookEndpoint): Promise<void> {
    await tx.insert(WebhookEndpoint, endpoint);
  }

  byId(manager: EntityManager, id: string): Promise<WebhookEndpoint | null> {
    return manager.findOne(WebhookEndpoint, { where: { id } });
  }

  /** The endpoint, row-locked until the transaction ends. */
  lockById(tx: EntityManager, id: string): Promise<WebhookEndpoint | null> {
    return tx.findOne(WebhookEndpoint, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  activeOfClient(manager: EntityManager, clientId: string): Promise<WebhookEndpoint[]> {
    return manager.find(WebhookEndpoint, { where: { clientId, status: 'active' } });
  }

  /** The client's endpoints not deleted, oldest first. */
  listedOfClient(manager: EntityManager, clientId: string): Promise<WebhookEndpoint[]> {
    return manager.find(WebhookEndpoint, { where: { clientId, status: Not('deleted') }, order: { createdAt: 'ASC' } });
  }

  async resetFailures(tx: EntityManager, id: string): Promise<void> {
    await tx.update(WebhookEndpoint, { id }, { consecutiveFailures: 0 });
  }

  async countFailure(tx: EntityManager, id: string): Promise<void> {
    await tx.createQueryBuilder().update(WebhookEndpoint).set({ consecutiveFailures: () => 'consecutive_failures + 1' }).where('id = :id', { id }).execute();
  }

  async disable(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(WebhookEndpoint, { id }, { status: 'disabled', disabledAt: at });
  }

  /** Marks the client's endpoint deleted (the row stays, so past sends keep their target); false when there was none. */
  async markDeleted(tx: EntityManager, clientId: string, id: string, at: Date): Promise<boolean> {
    const found = await tx.update(WebhookEndpoint, { id, clientId, status: Not('deleted') }, { status: 'deleted', disabledAt: at });
    return !!found.affected;
  }
}
