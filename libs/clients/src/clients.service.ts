import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import type { ActorRole } from '#audit';
import { Clock } from '#clock';
import type { PreparedStatement, SqlPart } from '#database';
import { NotFoundError } from '#errors';
import { Client } from './client.entity';
import { ClientsRepository } from './clients.repository';
import { ConflictError, InvalidInputError } from './errors';
import { ProcessingInstructions } from './processing-instructions.entity';
import { ProcessingInstructionsRepository } from './processing-instructions.repository';

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

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly clients: ClientsRepository,
    private readonly instructions: ProcessingInstructionsRepository,
  ) {}

  /** Creates the client and version 1 of its processing instructions, audited, in one transaction. */
  create(input: NewClient, actor: Actor): Promise<{ client: Client; instructions: ProcessingInstructions }> {
    return this.dataSource.transaction(async (tx) => {
      const { instructions: given, ...fields } = input;
      const client = await this.clients.insert(tx, fields);
      const instructions = await this.instructions.insert(tx, { ...given, clientId: client.id, version: 1, createdBy: actor.id });
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
      const clients = await this.clients.all(tx);
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
    const client = await this.clients.byId(manager, clientId);
    if (!client) throw new NotFoundError('Client');
    return client;
  }

  /** True when the client exists and is under contract (its agents and ingest keys work). */
  async isActive(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return this.clients.isActive(manager, clientId);
  }

  /** The same as one boolean in SQL, for a caller that asks several libraries in one round trip. */
  isActivePart(clientId: string): SqlPart {
    return this.clients.isActivePart(clientId);
  }

  /** Of these ids, the clients that exist. */
  async existingAmong(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!ids.length) return [];
    return this.clients.existingAmong(manager, ids);
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
      const client = await this.clients.lockById(tx, clientId);
      if (!client) throw new NotFoundError('Client');
      if (client.status === 'terminated') throw new ConflictError('The client is already terminated', 'already_terminated');
      client.status = 'terminated';
      client.contractEndedAt = ended;
      await this.clients.save(tx, client);
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
    const current = await this.instructions.current(manager, clientId);
    if (!current) throw new NotFoundError('Client');
    return current;
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
  ): Promise<{ instructions: Readonly<ProcessingInstructions>; facts: Partial<Record<K, unknown>> } | null> {
    return this.instructions.currentWith(manager, clientId, facts);
  }

  /** The statement `currentInstructionsWith` sends, for sending it ahead with a transaction's begin. */
  currentInstructionsStatement(clientId: string, facts: Partial<Record<string, SqlPart>>): PreparedStatement {
    return this.instructions.currentWithStatement(this.dataSource.manager, clientId, facts);
  }

  /** SQL giving the name of the client whose id `clientIdSql` gives (for another library's statement). */
  nameSql(clientIdSql: string): string {
    return this.clients.nameSql(clientIdSql);
  }

  /**
   * A new version of the client's instructions: the current one with these changes. Versions are
   * never edited, so each access can name the version it relied on.
   */
  issueInstructions(clientId: string, changes: InstructionChanges, actor: Actor): Promise<ProcessingInstructions> {
    return this.dataSource.transaction(async (tx) => {
      await this.instructions.lockIssuing(tx, clientId);
      const { id: _id, createdAt: _at, createdBy: _by, version, ...current } = await this.currentInstructions(clientId, tx);
      // A field left out of the request arrives as undefined (class fields exist); it keeps its current value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next = await this.instructions.insert(tx, { ...current, ...given, version: version + 1, createdBy: actor.id });
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
    return this.clients.callerDataRetentionTerms(this.dataSource.manager);
  }

  instructionHistory(clientId: string): Promise<ProcessingInstructions[]> {
    return this.instructions.history(this.dataSource.manager, clientId);
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
      const client = await this.clients.lockById(tx, clientId);
      if (!client) throw new NotFoundError('Client');
      for (const field of fields) (client as unknown as Record<string, unknown>)[field] = changes[field];
      await this.clients.save(tx, client);
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
    const clients = await this.clients.activeByName(this.dataSource.manager, clientIds, search);
    if (!clients.length) return [];
    const current = await this.instructions.currentOf(this.dataSource.manager, clients.map((c) => c.id));
    const byClient = new Map(current.map((p) => [p.clientId, p]));
    return clients.flatMap((c) => {
      const p = byClient.get(c.id);
      return p ? [{ clientId: c.id, name: c.name, greeting: p.greeting, intakeFields: p.intakeFields, instructionsVersion: p.version }] : [];
    });
  }
}
