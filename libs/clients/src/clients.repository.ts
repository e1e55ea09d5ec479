import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager, In } from 'typeorm';
import type { SqlPart } from '#database';
import { Client } from './client.entity';
import type { CallerDataRetentionTerms } from './clients.service';

/** The SQL on `clients` (its contact columns as compliance works them: client-contacts.repository.ts). Every method takes the caller's manager or transaction. */
@Injectable()
export class ClientsRepository {
  insert(tx: EntityManager, fields: DeepPartial<Client>): Promise<Client> {
    return tx.save(tx.create(Client, fields));
  }

  save(tx: EntityManager, client: Client): Promise<Client> {
    return tx.save(client);
  }

  /** Every client, oldest first. */
  all(manager: EntityManager): Promise<Client[]> {
    return manager.find(Client, { order: { createdAt: 'ASC' } });
  }

  byId(manager: EntityManager, id: string): Promise<Client | null> {
    return manager.findOne(Client, { where: { id } });
  }

  /** The client, row-locked until the transaction ends. */
  lockById(tx: EntityManager, id: string): Promise<Client | null> {
    return tx.findOne(Client, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async isActive(manager: EntityManager, clientId: string): Promise<boolean> {
    const { sql, params } = this.isActivePart(clientId);
    const [row] = await manager.query(`SELECT (${sql}) AS active`, params);
    return row?.active === true;
  }

  /** Whether the client exists and is under contract, as one boolean in SQL. */
  isActivePart(clientId: string): SqlPart {
    return { sql: `SELECT coalesce((SELECT status = 'active' FROM clients WHERE id = $1), false)`, params: [clientId] };
  }

  /** SQL giving the name of the client whose id `clientIdSql` gives (for another library's statement). */
  nameSql(clientIdSql: string): string {
    return `(SELECT name FROM clients WHERE id = ${clientIdSql})`;
  }

  async existingAmong(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows = await manager.find(Client, { where: { id: In(ids) }, select: { id: true } });
    return rows.map((c) => c.id);
  }

  /** Every client's status, contract end and the caller-data retention of its current instructions. */
  async callerDataRetentionTerms(manager: EntityManager): Promise<CallerDataRetentionTerms[]> {
    const rows: { id: string; status: Client['status']; contract_ended_at: Date | null; days: number }[] = await manager.query(
      `SELECT c.id, c.status, c.contract_ended_at, i.days FROM clients c
         JOIN LATERAL (SELECT p.caller_data_retention_days AS days FROM processing_instructions p
                        WHERE p.client_id = c.id ORDER BY p.version DESC LIMIT 1) i ON true
        ORDER BY c.contract_ended_at NULLS LAST, c.id`,
    );
    return rows.map((r) => ({ clientId: r.id, status: r.status, contractEndedAt: r.contract_ended_at, callerDataRetentionDays: r.days }));
  }

  /**
   * Active clients' ids and names (no contact details), by name, at most 500: all of them or only
   * `clientIds` when given; `search` matches the name (case-insensitive).
   */
  activeByName(manager: EntityManager, clientIds: string[] | null, search?: string): Promise<Client[]> {
    const q = manager
      .getRepository(Client)
      .createQueryBuilder('c')
      .select(['c.id', 'c.name'])
      .where(`c.status = 'active'`)
      .orderBy('c.name', 'ASC')
      .limit(500);
    if (clientIds) q.andWhere('c.id IN (:...clientIds)', { clientIds });
    if (search?.trim()) q.andWhere(`c.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    return q.getMany();
  }
}
