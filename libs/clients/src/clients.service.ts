import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '#audit';
import type { ActorRole } from '#audit';
import { Clock } from '#clock';
import { ADVISORY_LOCKS, placePart, queryPrepared } from '#database';
import type { SqlPart } from '#database';
import { NotFoundError } from '#errors';
import { Client } from './client.entity';
import { ConflictError, InvalidInputError } from './errors';
import { ProcessingInstructions } from './processing-instructions.entity';

export type InstructionChanges = NonNullable<NewClient['instructions']>;

export interface NewClient {
  name: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  instructions?: Partial<Pick<ProcessingInstructions, 'greeting' | 'intakeFields' | 'recordingRetentionDays' | 'deliveryExpiryHours' | 'receiptWindowMinutes' | 'callerDataRetentionDays' | 'supervisorReviewAllowed' | 'aggregateStatisticsAllowed' | 'notifications'>>;
}

export type ClientContact = Partial<Pick<Client, 'name' | 'contactName' | 'contactEmail' | 'contactPhone'>>;

/** What an agent needs to answer one client's calls, and nothing more. */
export interface IntakeScript {
  clientId: string;
  name: string;
  greeting: string | null;
  intakeFields: ProcessingInstructions['intakeFields'];
  instructionsVersion: number;
}

type Actor = { id: string | null; role: ActorRole };

export interface CallerDataRetentionTerms {
  clientId: string;
  status: Client['status'];
  contractEndedAt: Date | null;
  callerDataRetentionDays: number;
}

const selectList = (columns: { databaseName: string; propertyName: string }[]) => columns.map((c) => `${c.databaseName} AS "${c.propertyName}"`).join(', ');

@Injectable()
export class ClientsService {
  /** Every column of the entity (from its metadata, so a new column is never missed), built once. */
  private instructionColumns?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Creates the client and version 1 of its processing instructions, audited, in one transaction. */
  create(input: NewClient, actor: Actor): Promise<{ client: Client; instructions: ProcessingInstructions }> {
    return this.dataSource.transaction(async (tx) => {
      const { instructions: given, ...fields } = input;
      const client = await tx.save(tx.create(Client, fields));
      const instructions = await tx.save(
        tx.create(ProcessingInstructions, { ...given, clientId: client.id, version: 1, createdBy: actor.id }),
      );
      await this.audit.append(
        {
          actor,
          clientId: client.id,
          dataRole: 'controller',
          purpose: 'service_delivery',
          action: 'client.create',
          subject: { type: 'client', id: client.id },
          outcome: 'success',
          details: { instructionsVersion: 1 },
        },
        tx,
      );
      return { client, instructions };
    });
  }

  /** Every client business (contacts are personal data): the read is recorded. */
  async list(actor: Actor): Promise<Client[]> {
    return this.dataSource.transaction(async (tx) => {
      const clients = await tx.find(Client, { order: { createdAt: 'ASC' } });
      await this.audit.append({ actor, dataRole: 'controller', purpose: 'service_delivery', action: 'client.list', outcome: 'success', details: { returned: clients.length } }, tx);
      return clients;
    });
  }

  /** One client business as an operator reads it: the read is recorded under that client. */
  async read(clientId: string, actor: Actor): Promise<Client> {
    return this.dataSource.transaction(async (tx) => {
      const client = await this.get(clientId, tx);
      await this.audit.append({ actor, clientId, dataRole: 'controller', purpose: 'service_delivery', action: 'client.read', subject: { type: 'client', id: clientId }, outcome: 'success' }, tx);
      return client;
    });
  }

  async get(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<Client> {
    const client = await manager.findOne(Client, { where: { id: clientId } });
    if (!client) throw new NotFoundError('Client');
    return client;
  }

  /** True when the client exists and is under contract (its agents and ingest keys work). */
  async isActive(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const { sql, params } = this.isActivePart(clientId);
    const [row] = await manager.query(`SELECT (${sql}) AS active`, params);
    return row?.active === true;
  }

  /** The same as one boolean in SQL, for a caller that asks several libraries in one round trip. */
  isActivePart(clientId: string): SqlPart {
    return { sql: `SELECT coalesce((SELECT status = 'active' FROM clients WHERE id = $1), false)`, params: [clientId] };
  }

  /** Of these ids, the clients that exist. */
  async existingAmong(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await manager.find(Client, { where: { id: In(ids) }, select: { id: true } });
    return rows.map((c) => c.id);
  }

  /**
   * Ends the client's contract (at `endedAt`, default now). Nothing new is captured for it from then
   * on (its agents and ingest keys stop); what it holds runs down on the retention schedules (D12).
   */
  terminate(clientId: string, endedAt: Date | undefined, actor: Actor): Promise<Client> {
    const now = this.clock.now();
    const ended = endedAt ?? now;
    if (ended.getTime() > now.getTime()) throw new InvalidInputError('endedAt must not be in the future');
    return this.dataSource.transaction(async (tx) => {
      const client = await tx.findOne(Client, { where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw new NotFoundError('Client');
      if (client.status === 'terminated') throw new ConflictError('The client is already terminated', 'already_terminated');
      client.status = 'terminated';
      client.contractEndedAt = ended;
      await tx.save(client);
      await this.audit.append(
        {
          actor,
          clientId,
          dataRole: 'controller',
          purpose: 'service_delivery',
          action: 'client.terminate',
          subject: { type: 'client', id: clientId },
          outcome: 'success',
          details: { contractEndedAt: ended.toISOString() },
        },
        tx,
      );
      return client;
    });
  }

  /** The version of the client's instructions in force now. */
  async currentInstructions(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<ProcessingInstructions> {
    // Plain SQL: the policy reads this on every access to caller data (no ORM query building there).
    this.instructionColumns ??= selectList(manager.connection.getMetadata(ProcessingInstructions).columns);
    const [row] = await manager.query(`SELECT ${this.instructionColumns} FROM processing_instructions WHERE client_id = $1 ORDER BY version DESC LIMIT 1`, [clientId]);
    if (!row) throw new NotFoundError('Client');
    return Object.assign(new ProcessingInstructions(), row);
  }

  /**
   * The current instructions and, in the same round trip, other libraries' facts about the same
   * access (`facts`: SQL giving one value each, from the library that owns its tables). Null when
   * the client has no instructions (no such client).
   */
  async currentInstructionsWith<K extends string>(
    clientId: string,
    facts: Partial<Record<K, SqlPart>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ instructions: ProcessingInstructions; facts: Partial<Record<K, unknown>> } | null> {
    this.instructionColumns ??= selectList(manager.connection.getMetadata(ProcessingInstructions).columns);
    const params: unknown[] = [clientId];
    const names = Object.keys(facts) as K[];
    const extra = names.map((name, i) => `, (${placePart(facts[name]!, params)}) AS "fact${i}"`).join('');
    const [row] = await queryPrepared<Record<string, unknown>>(
      manager,
      `SELECT ${this.instructionColumns}${extra} FROM processing_instructions WHERE client_id = $1 ORDER BY version DESC LIMIT 1`,
      params,
    );
    if (!row) return null;
    const found: Partial<Record<K, unknown>> = {};
    names.forEach((name, i) => {
      found[name] = row[`fact${i}`];
      delete row[`fact${i}`];
    });
    return { instructions: Object.assign(new ProcessingInstructions(), row), facts: found };
  }

  /** SQL giving the name of the client whose id `clientIdSql` gives (for another library's statement). */
  nameSql(clientIdSql: string): string {
    return `(SELECT name FROM clients WHERE id = ${clientIdSql})`;
  }

  /**
   * A new version of the client's instructions: the current one with these changes. Versions are
   * never edited, so each access can name the version it relied on.
   */
  issueInstructions(clientId: string, changes: InstructionChanges, actor: Actor): Promise<ProcessingInstructions> {
    return this.dataSource.transaction(async (tx) => {
      // Serialise issuers for this client so two changes never claim the same version number.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.perClient.processingInstructions, clientId]);
      const { id: _id, createdAt: _at, createdBy: _by, version, ...current } = await this.currentInstructions(clientId, tx);
      // A field left out of the request arrives as undefined (class fields exist); it keeps its current value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next = await tx.save(tx.create(ProcessingInstructions, { ...current, ...given, version: version + 1, createdBy: actor.id }));
      await this.audit.append(
        {
          actor,
          clientId,
          dataRole: 'controller',
          purpose: 'service_delivery',
          action: 'instructions.issue',
          subject: { type: 'processing_instructions', id: next.id },
          outcome: 'success',
          details: { version: next.version },
        },
        tx,
      );
      return next;
    });
  }

  /** For retention: every client's status, contract end and the callerDataRetentionDays of its current instructions. */
  async callerDataRetentionTerms(): Promise<CallerDataRetentionTerms[]> {
    const rows: { id: string; status: Client['status']; contract_ended_at: Date | null; days: number }[] = await this.dataSource.query(
      `SELECT c.id, c.status, c.contract_ended_at, i.days FROM clients c
         JOIN LATERAL (SELECT p.caller_data_retention_days AS days FROM processing_instructions p
                        WHERE p.client_id = c.id ORDER BY p.version DESC LIMIT 1) i ON true
        ORDER BY c.contract_ended_at NULLS LAST, c.id`,
    );
    return rows.map((r) => ({ clientId: r.id, status: r.status, contractEndedAt: r.contract_ended_at, callerDataRetentionDays: r.days }));
  }

  instructionHistory(clientId: string): Promise<ProcessingInstructions[]> {
    return this.dataSource.getRepository(ProcessingInstructions).find({ where: { clientId }, order: { version: 'DESC' } });
  }

  /**
   * Changes the client's name or contact details; an absent field stays, null clears it. The audit
   * event names the fields changed, never their values.
   */
  updateContact(clientId: string, changes: ClientContact, actor: Actor): Promise<Client> {
    const fields = (['name', 'contactName', 'contactEmail', 'contactPhone'] as const).filter((f) => changes[f] !== undefined);
    if (!fields.length) throw new InvalidInputError('Nothing to change: give name, contactName, contactEmail or contactPhone');
    if (changes.name === null) throw new InvalidInputError('name cannot be cleared');
    return this.dataSource.transaction(async (tx) => {
      const client = await tx.findOne(Client, { where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw new NotFoundError('Client');
      for (const field of fields) (client as unknown as Record<string, unknown>)[field] = changes[field];
      await tx.save(client);
      await this.audit.append(
        {
          actor,
          clientId,
          dataRole: 'controller',
          purpose: 'service_delivery',
          action: 'client.update',
          subject: { type: 'client', id: clientId },
          outcome: 'success',
          details: { fields: fields.join(',') },
        },
        tx,
      );
      return client;
    });
  }

  /**
   * The intake scripts of active clients, by name: all of them, or only `clientIds` when given;
   * `search` matches the client's name (case-insensitive). Reads no contact details.
   */
  async intakeScripts(clientIds: string[] | null, search?: string): Promise<IntakeScript[]> {
    if (clientIds && !clientIds.length) return [];
    const q = this.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .select(['c.id', 'c.name'])
      .where(`c.status = 'active'`)
      .orderBy('c.name', 'ASC')
      .limit(500);
    if (clientIds) q.andWhere('c.id IN (:...clientIds)', { clientIds });
    if (search?.trim()) q.andWhere(`c.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    const clients = await q.getMany();
    if (!clients.length) return [];
    const current = await this.dataSource
      .getRepository(ProcessingInstructions)
      .createQueryBuilder('p')
      .distinctOn(['p.client_id'])
      .where({ clientId: In(clients.map((c) => c.id)) })
      .orderBy('p.client_id')
      .addOrderBy('p.version', 'DESC')
      .getMany();
    const byClient = new Map(current.map((p) => [p.clientId, p]));
    return clients.flatMap((c) => {
      const p = byClient.get(c.id);
      return p ? [{ clientId: c.id, name: c.name, greeting: p.greeting, intakeFields: p.intakeFields, instructionsVersion: p.version }] : [];
    });
  }
}
