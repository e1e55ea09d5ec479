import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The slice of node-postgres' client this needs: a query naming its prepared statement. */
interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
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
  const client = (await runner.connect()) as PreparingClient;
  const result = await client.query({ name: nameOf(text), text, values });
  return result.rows as T[];
}
