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
  const ahead = takeAhead(runner, text, values);
  if (ahead) return ahead as T[];
  const [rows] = await runTogether(runner, [{ text, values }]);
  return rows as T[];
}

const AHEAD = 'answeredAhead';

/** The rows of a statement sent ahead with the transaction's begin (beginWith), taken once; undefined if none. */
function takeAhead(runner: QueryRunner, text: string, values: unknown[]): unknown[] | undefined {
  const answered: { text: string; values: string; rows: unknown[] }[] | undefined = runner.data?.[AHEAD];
  if (!answered?.length) return undefined;
  const key = JSON.stringify(values);
  const at = answered.findIndex((a) => a.text === text && a.values === key);
  return at < 0 ? undefined : answered.splice(at, 1)[0].rows;
}

/** A statement to send: plain text (simple protocol, e.g. BEGIN), or prepared text with its values. */
export type Statement = string | PreparedStatement;

/** A statement's text with its values, sent as a named prepared statement. */
export interface PreparedStatement {
  text: string;
  values: unknown[];
}

/**
 * Sends the statements in one socket write and answers each one's rows, in order (pg's pipeline mode:
 * the backend is woken once and the caller waits one round trip, where each write on a busy machine
 * wakes the backend and each round trip waits its turn on the event loop). Without pipeline mode, one
 * after the other. They run one after the other either way; if one fails, the error is thrown once all
 * have answered (in a transaction, those after it fail too and a COMMIT among them rolls back).
 */
export async function runTogether(runner: QueryRunner, statements: Statement[]): Promise<unknown[][]> {
  const client = (await runner.connect()) as PgClient;
  const send = (statement: Statement) =>
    typeof statement === 'string'
      ? (client.query(statement) as Promise<QueryResult>).catch(asQueryFailed(statement, []))
      : client.query(prepared(statement.text, statement.values)).catch(asQueryFailed(statement.text, statement.values));
  if (!client.pipeline) {
    const rows: unknown[][] = [];
    for (const statement of statements) rows.push((await send(statement)).rows);
    return rows;
  }
  client.connection.stream.cork();
  let answers: Promise<QueryResult>[];
  try {
    answers = statements.map(send);
  } finally {
    client.connection.stream.uncork();
  }
  const settled = await Promise.allSettled(answers);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<QueryResult>).value.rows);
}

/**
 * Starts the runner's transaction with its first statement (prepared) in the same write (runTogether),
 * and leaves the runner in the state `startTransaction` leaves it. `ahead`: statements the work is
 * known to send first (the policy's facts), sent in the same write; queryPrepared answers them from
 * what came back when the work sends the same text and values, once.
 */
export async function beginWith<T = Record<string, unknown>>(runner: QueryRunner, text: string, values: unknown[], ahead: PreparedStatement[] = []): Promise<T[]> {
  // The state startTransaction sets (TypeORM's flag and nesting depth), so commit and rollback end this transaction.
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  await runner.broadcaster.broadcast('BeforeTransactionStart');
  state.transactionDepth = 1;
  const [, rows, ...answers] = await runTogether(runner, ['START TRANSACTION', { text, values }, ...ahead]);
  if (ahead.length) runner.data = { ...runner.data, [AHEAD]: ahead.map((a, i) => ({ text: a.text, values: JSON.stringify(a.values), rows: answers[i] })) };
  await runner.broadcaster.broadcast('AfterTransactionStart');
  return rows as T[];
}

/**
 * Sends the transaction's last statements (prepared) and COMMIT in one write (runTogether), answers
 * each statement's rows, and leaves the runner as commitTransaction leaves it. Only for a transaction
 * at depth 1 (one TenantScope began). When a statement fails the COMMIT rolls back: the transaction is
 * over either way, and the first error is thrown. `written` runs once all succeeded, before the
 * after-commit hooks (which act on what it marks, e.g. audit events to chain).
 */
export async function commitWith(runner: QueryRunner, statements: PreparedStatement[], written?: () => void): Promise<unknown[][]> {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  if (!state.isTransactionActive || state.transactionDepth !== 1) throw new Error('commitWith ends a transaction of depth 1 only');
  await runner.broadcaster.broadcast('BeforeTransactionCommit');
  let answers: unknown[][];
  try {
    answers = (await runTogether(runner, [...statements, 'COMMIT'])).slice(0, -1);
  } catch (error) {
    state.isTransactionActive = false;
    state.transactionDepth = 0;
    await runner.broadcaster.broadcast('AfterTransactionRollback');
    throw error;
  }
  state.isTransactionActive = false;
  state.transactionDepth = 0;
  written?.();
  await runner.broadcaster.broadcast('AfterTransactionCommit');
  return answers;
}
