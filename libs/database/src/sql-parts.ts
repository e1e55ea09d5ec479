import type { EntityManager } from 'typeorm';
import { queryPrepared } from './prepared-statements';

/**
 * A piece of parameterised SQL with its own placeholders ($1..$n). Libraries hand these out for their
 * own tables, so a hot path can ask several libraries in one round trip while each still writes the
 * SQL of its own tables only.
 */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** The part's SQL with its placeholders moved past `offset` parameters that come before it. */
export function shiftPlaceholders(sql: string, offset: number): string {
  return offset ? sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : sql;
}

/** Appends a part's parameters to `params` and returns its SQL renumbered to match. */
export function placePart(part: SqlPart, params: unknown[]): string {
  const sql = shiftPlaceholders(part.sql, params.length);
  params.push(...part.params);
  return sql;
}

/**
 * The writes of one request, sent as one statement (data-modifying WITH queries): one round trip
 * instead of one per insert, all in the caller's transaction. Every part is an INSERT/UPDATE with a
 * RETURNING clause; `run` answers how many rows each returned. The parts see the same snapshot, so
 * none may depend on another's effect (they are independent rows of different tables).
 */
export class WriteBatch {
  private readonly parts: { name: string; part: SqlPart }[] = [];
  private readonly done: (() => void)[] = [];

  add(name: string, part: SqlPart): this {
    if (this.parts.some((p) => p.name === name)) throw new Error(`write batch already has a part named ${name}`);
    this.parts.push({ name, part });
    return this;
  }

  /** Work to do once the statement ran (e.g. marking the transaction as carrying audit events). */
  afterRun(step: () => void): this {
    this.done.push(step);
    return this;
  }

  async run(tx: EntityManager): Promise<Record<string, number>> {
    if (!this.parts.length) return {};
    const params: unknown[] = [];
    const withs = this.parts.map((p, i) => `w${i} AS (${placePart(p.part, params)})`);
    const counts = this.parts.map((p, i) => `(SELECT count(*) FROM w${i})::int AS "${p.name}"`);
    // Prepared: a batch's text depends only on its parts' kinds, a small set per call site.
    const [row] = await queryPrepared<Record<string, number>>(tx, `WITH ${withs.join(', ')} SELECT ${counts.join(', ')}`, params);
    for (const step of this.done) step();
    return row;
  }
}
