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

type ShapeNode = { next: Map<string, Map<string, ShapeNode>>; text?: string };

/**
 * Statement texts composed from parts, kept by shape: the parts' SQL in order, each with a tag for
 * whatever else the text depends on (its parameter count, a name). A hot path composes the same few
 * shapes on every request; this composes each once and hands back the same string, which also makes
 * the lookups keyed by it (prepared statement names) cheap. Bounded: when full, it starts again.
 */
export class ComposedTexts {
  private root: ShapeNode = { next: new Map() };
  private shapes = 0;

  constructor(private readonly limit = 1_000) {}

  text(parts: { sql: string; tag: string }[], compose: () => string): string {
    if (this.shapes >= this.limit) {
      this.root = { next: new Map() };
      this.shapes = 0;
    }
    let node = this.root;
    for (const { sql, tag } of parts) {
      let byTag = node.next.get(sql);
      if (!byTag) node.next.set(sql, (byTag = new Map()));
      let child = byTag.get(tag);
      if (!child) byTag.set(tag, (child = { next: new Map() }));
      node = child;
    }
    if (node.text === undefined) {
      node.text = compose();
      this.shapes++;
    }
    return node.text;
  }
}

/** Write batch texts by shape (its parts' SQL, names, requirement and parameter counts). */
const BATCH_TEXTS = new ComposedTexts();

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
    const params = this.parts.flatMap((p) => p.part.params);
    const shape = this.parts.map((p) => ({ sql: p.part.sql, tag: `${p.name}${p.required ? '!' : ''}${p.part.params.length}` }));
    const text = BATCH_TEXTS.text(shape, () => {
      const placed: unknown[] = [];
      const withs = this.parts.map((p, i) => `w${i} AS (${placePart(p.part, placed)})`);
      const counts = this.parts.map((p, i) =>
        p.required ? `write_batch_required((SELECT count(*) FROM w${i})::int, '${p.name}') AS "${p.name}"` : `(SELECT count(*) FROM w${i})::int AS "${p.name}"`,
      );
      return `WITH ${withs.join(', ')} SELECT ${counts.join(', ')}`;
    });
    return { text, params };
  }

  private failures<T>(running: Promise<T>): Promise<T> {
    return running.catch((error: unknown) => {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code !== REQUIRED_PART_MISSING) throw error;
      throw new RequiredWriteMissingError(this.parts.find((p) => p.required && (error as Error).message.includes(` ${p.name} `))?.name ?? 'unknown');
    });
  }
}
