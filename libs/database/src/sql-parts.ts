import { EntityManager, QueryFailedError } from 'typeorm';
import { commitWith, queryPrepared } from './prepared-statements';
import { REQUIRED_PART_MISSING, RequiredWriteMissingError } from './write-batch-errors';

/**
 * A piece of parameterised SQL with its own placeholders ($1..$n). Libraries hand these out for their
 * own tables, so a hot path can ask several libraries in one round trip while each still writes the
 * SQL of its own tables only.
 */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** Shifted texts by offset and SQL: parts come from a small fixed set of call sites, so each is shifted once. */
const shifted = new Map<string, string>();
const SHIFTED_TEXTS = 2_000;

/** The part's SQL with its placeholders moved past `offset` parameters that come before it. */
export function shiftPlaceholders(sql: string, offset: number): string {
  if (!offset) return sql;
  const key = `${offset}:${sql}`;
  let text = shifted.get(key);
  if (text === undefined) {
    text = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    if (shifted.size >= SHIFTED_TEXTS) shifted.clear();
    shifted.set(key, text);
  }
  return text;
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
  private readonly parts: { name: string; part: SqlPart; required: boolean }[] = [];
  private readonly done: (() => void)[] = [];

  /** `required`: the part must write a row, or the whole statement fails (RequiredWriteMissingError). */
  add(name: string, part: SqlPart, options: { required?: boolean } = {}): this {
    if (this.parts.some((p) => p.name === name)) throw new Error(`write batch already has a part named ${name}`);
    if (!/^\w+$/.test(name)) throw new Error(`write batch part names are words: ${name}`);
    this.parts.push({ name, part, required: options.required ?? false });
    return this;
  }

  /** Work to do once the statement ran (e.g. marking the transaction as carrying audit events), before its commit's hooks. */
  afterRun(step: () => void): this {
    this.done.push(step);
    return this;
  }

  async run(tx: EntityManager): Promise<Record<string, number>> {
    if (!this.parts.length) return {};
    const { text, params } = this.statement();
    // Prepared: a batch's text depends only on its parts' kinds, a small set per call site.
    const [row] = await this.failures(queryPrepared<Record<string, number>>(tx, text, params));
    for (const step of this.done) step();
    return row;
  }

  /**
   * `run`, with the COMMIT of the caller's transaction in the same write (one round trip less). The
   * transaction must be one TenantScope began and this its last statement; when anything fails it has
   * rolled back.
   */
  async runAndCommit(tx: EntityManager): Promise<Record<string, number>> {
    if (!tx.queryRunner) throw new Error('runAndCommit needs the transaction of a query runner');
    const { text, params } = this.statement();
    // The steps run before the after-commit hooks, which act on what they mark.
    const [row] = await this.failures(commitWith<Record<string, number>>(tx.queryRunner, text, params, () => this.done.forEach((step) => step())));
    return row;
  }

  private statement(): { text: string; params: unknown[] } {
    const params: unknown[] = [];
    const withs = this.parts.map((p, i) => `w${i} AS (${placePart(p.part, params)})`);
    const counts = this.parts.map((p, i) =>
      p.required ? `write_batch_required((SELECT count(*) FROM w${i})::int, '${p.name}') AS "${p.name}"` : `(SELECT count(*) FROM w${i})::int AS "${p.name}"`,
    );
    return { text: `WITH ${withs.join(', ')} SELECT ${counts.join(', ')}`, params };
  }

  private failures<T>(running: Promise<T>): Promise<T> {
    return running.catch((error: unknown) => {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code !== REQUIRED_PART_MISSING) throw error;
      throw new RequiredWriteMissingError(this.parts.find((p) => p.required && (error as Error).message.includes(` ${p.name} `))?.name ?? 'unknown');
    });
  }
}
