import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';

type QueryResult = { rows: unknown[] };

/** The slice of node-postgres' client this needs: named statements, and pipeline mode's socket. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<QueryResult>;
  query(text: string): Promise<QueryResult | QueryResult[]>;
  /** Pipeline mode (the pool's `pipeline` option): queries go out as soon as they are made. */
  pipeline?: boolean;
  connection: { stream: Duplex };
}

const names = new Map<string, string>();

/** A statement's name on every connection: a digest of its text, so one text never gets two names. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cv_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

const prepared = (text: string, values: unknown[]) => ({ name: nameOf(text), text, values });

/** A failed statement's error as TypeORM's query() gives it, so callers and the log see one kind of error. */
function asQueryFailed(text: string, values: unknown[]) {
  return (error: unknown): never => {
    throw error instanceof Error && !(error instanceof QueryFailedError) ? new QueryFailedError(text, values, error) : error;
  };
}

/**
 * Runs a statement as a named prepared statement on the transaction's connection: Postgres parses it
 * once per connection and, after a few executions, keeps its plan, where an unnamed statement is
 * parsed and planned on every call (measured on the message path: parse and plan cost about five times
 * the execution of its policy read). Rows are returned as `manager.query` returns a SELECT's.
 *
 * Only for the hot path's statements, whose texts come from a small fixed set: each distinct text
 * stays prepared on each pooled connection for its lifetime. A connection pooler in transaction mode
 * (PgBouncer before 1.21) would break named statements; see docs/operations.md.
 */
export async function queryPrepared<T = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) return manager.query(text, values);
  const client = (await runner.connect()) as PgClient;
  const result = await client.query(prepared(text, values)).catch(asQueryFailed(text, values));
  return result.rows as T[];
}

/** Writes the queries `send` makes in one socket write; they are answered in order (pipeline mode). */
function together<T>(client: PgClient, send: () => T): T {
  client.connection.stream.cork();
  try {
    return send();
  } finally {
    client.connection.stream.uncork();
  }
}

/**
 * Starts the runner's transaction with its first statement (prepared) written in the same packet:
 * on a busy machine each write wakes the database backend, and a round trip waits its turn on the
 * event loop, so the two together cost one instead of two. Leaves the runner in the state
 * `startTransaction` leaves it. Without pipeline mode, the two go one after the other.
 */
export async function beginWith<T = Record<string, unknown>>(runner: QueryRunner, text: string, values: unknown[]): Promise<T[]> {
  const client = (await runner.connect()) as PgClient;
  if (!client.pipeline) {
    await runner.startTransaction();
    return queryPrepared<T>(runner.manager, text, values);
  }
  // The state startTransaction sets (TypeORM's flag and nesting depth), so commit and rollback end this transaction.
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  await runner.broadcaster.broadcast('BeforeTransactionStart');
  const [begun, first] = together(client, () => [client.query('START TRANSACTION'), client.query(prepared(text, values))] as const);
  state.transactionDepth = 1;
  const [, result] = await Promise.all([begun, first]).catch(asQueryFailed(text, values));
  await runner.broadcaster.broadcast('AfterTransactionStart');
  return result.rows as T[];
}

/**
 * The last statement of a transaction and its COMMIT in one write (pipeline mode; else one after the
 * other). If the statement fails, Postgres answers the COMMIT with a rollback and the statement's error
 * is thrown: nothing of the transaction remains.
 */
export async function commitWith(runner: QueryRunner, text: string, values: unknown[]): Promise<void> {
  const client = (await runner.connect()) as PgClient;
  if (!client.pipeline) {
    await queryPrepared(runner.manager, text, values);
    await client.query('COMMIT');
    return;
  }
  const [last, committed] = together(client, () => [client.query(prepared(text, values)), client.query('COMMIT')] as const);
  await Promise.all([last, committed]).catch(asQueryFailed(text, values));
}
