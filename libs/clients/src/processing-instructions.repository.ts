import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager, In } from 'typeorm';
import { ADVISORY_LOCKS, ComposedTexts, placePart, queryPrepared } from '#database';
import type { PreparedStatement, SqlPart } from '#database';
import { ProcessingInstructions } from './processing-instructions.entity';

/** The policy's facts statements by shape (the facts' SQL and parameter counts): composed once each. */
const FACTS_TEXTS = new ComposedTexts();

/** Clients whose instructions one process keeps (the oldest go first when full). */
const KNOWN_CLIENTS = 10_000;

const selectList = (columns: { databaseName: string; propertyName: string }[]) => columns.map((c) => `${c.databaseName} AS "${c.propertyName}"`).join(', ');

/** The SQL on `processing_instructions` (versioned, never edited). Every method takes the caller's manager or transaction. */
@Injectable()
export class ProcessingInstructionsRepository {
  /** Every column of the entity (from its metadata, so a new column is never missed), built once. */
  private columns?: string;

  /**
   * Each client's instructions as last read, by client. A version is never edited (a change inserts
   * the next one, and the table refuses UPDATE), so the row read once stands for its id until the
   * client's current version is another: the policy's facts statement reads only the current id.
   */
  private readonly known = new Map<string, Readonly<ProcessingInstructions>>();

  insert(tx: EntityManager, fields: DeepPartial<ProcessingInstructions>): Promise<ProcessingInstructions> {
    return tx.save(tx.create(ProcessingInstructions, fields));
  }

  /** Serialises issuers for this client until the transaction ends, so two changes never claim the same version. */
  async lockIssuing(tx: EntityManager, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.perClient.processingInstructions, clientId]);
  }

  /** The client's newest version; null when it has none (no such client). */
  async current(manager: EntityManager, clientId: string): Promise<ProcessingInstructions | null> {
    // Plain SQL: the policy reads this on every access to caller data (no ORM query building there).
    this.columns ??= selectList(manager.connection.getMetadata(ProcessingInstructions).columns);
    const [row] = await manager.query(`SELECT ${this.columns} FROM processing_instructions WHERE client_id = $1 ORDER BY version DESC LIMIT 1`, [clientId]);
    return row ? Object.assign(new ProcessingInstructions(), row) : null;
  }

  /**
   * `current` with other libraries' facts (SQL giving one value each) in the same statement. The
   * statement names the current version only; its columns come from `known`, or are read once more
   * when this process has not seen that version yet. The instructions returned are shared: read only.
   */
  async currentWith<K extends string>(
    manager: EntityManager,
    clientId: string,
    facts: Partial<Record<K, SqlPart>>,
  ): Promise<{ instructions: Readonly<ProcessingInstructions>; facts: Partial<Record<K, unknown>> } | null> {
    const names = Object.keys(facts) as K[];
    const { text, values } = this.currentWithStatement(manager, clientId, facts);
    // Prepared: read on every access to caller data, with the same few fact sets.
    const [row] = await queryPrepared<Record<string, unknown>>(manager, text, values);
    if (!row) return null;
    const instructions = await this.version(manager, clientId, row.id as string);
    if (!instructions) return null;
    const found: Partial<Record<K, unknown>> = {};
    names.forEach((name, i) => (found[name] = row[`fact${i}`]));
    return { instructions, facts: found };
  }

  /** The statement `currentWith` sends, for sending it ahead (TenantScope.run). */
  currentWithStatement(manager: EntityManager, clientId: string, facts: Partial<Record<string, SqlPart>>): PreparedStatement {
    const parts = Object.values(facts) as SqlPart[];
    const values: unknown[] = [clientId, ...parts.flatMap((part) => part.params)];
    const text = FACTS_TEXTS.text(
      parts.map((part) => ({ sql: part.sql, tag: String(part.params.length) })),
      () => {
        const placed: unknown[] = [clientId];
        const extra = parts.map((part, i) => `, (${placePart(part, placed)}) AS "fact${i}"`).join('');
        return `SELECT id AS "id"${extra} FROM processing_instructions WHERE client_id = $1 ORDER BY version DESC LIMIT 1`;
      },
    );
    return { text, values };
  }

  /** The version with this id, from `known` or read (null when it is gone: the client was erased meanwhile). */
  private async version(manager: EntityManager, clientId: string, id: string): Promise<Readonly<ProcessingInstructions> | null> {
    const known = this.known.get(clientId);
    if (known?.id === id) return known;
    this.columns ??= selectList(manager.connection.getMetadata(ProcessingInstructions).columns);
    const [row] = await queryPrepared<Record<string, unknown>>(manager, `SELECT ${this.columns} FROM processing_instructions WHERE id = $1`, [id]);
    if (!row) return null;
    const instructions = Object.freeze(Object.assign(new ProcessingInstructions(), row));
    this.known.delete(clientId);
    if (this.known.size >= KNOWN_CLIENTS) this.known.delete(this.known.keys().next().value!);
    this.known.set(clientId, instructions);
    return instructions;
  }

  /** The newest version of each of these clients' instructions. */
  currentOf(manager: EntityManager, clientIds: string[]): Promise<ProcessingInstructions[]> {
    return manager
      .getRepository(ProcessingInstructions)
      .createQueryBuilder('p')
      .distinctOn(['p.client_id'])
      .where({ clientId: In(clientIds) })
      .orderBy('p.client_id')
      .addOrderBy('p.version', 'DESC')
      .getMany();
  }

  /** Every version, newest first. */
  history(manager: EntityManager, clientId: string): Promise<ProcessingInstructions[]> {
    return manager.find(ProcessingInstructions, { where: { clientId }, order: { version: 'DESC' } });
  }
}
