import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ComposedTexts } from '#database';
import type { SqlPart } from '#database';
import type { UsageKind } from './usage-entry.entity';
import type { UsageDay, UsageRecord } from './usage-ledger';

/** The insert's texts by row count and form, composed once each (the message path writes one row a message). */
const INSERT_TEXTS = new ComposedTexts();

/** The SQL on `usage_ledger`. Every method takes the caller's manager or transaction. */
@Injectable()
export class UsageLedgerRepository {
  /**
   * One multi-row insert; an entry already there for the same kind and source is skipped, unless
   * `sourcesNew` (the sources were created in the same transaction, so none can have an entry yet): a
   * plain insert then, without ON CONFLICT's speculative insertion, and a duplicate fails the write.
   * `returning`: a row back per entry written (a write batch's parts each return their rows).
   */
  insertEntriesPart(entries: UsageRecord[], sourcesNew = false, returning = false): SqlPart {
    const params = entries.flatMap((e) => [e.clientId, e.kind, e.quantity ?? 1, e.occurredAt, e.sourceId]);
    const sql = INSERT_TEXTS.text([{ sql: 'usage_ledger', tag: `${entries.length} ${sourcesNew} ${returning}` }], () => {
      const rows = entries.map((_, i) => `($${i * 5 + 1}::uuid, $${i * 5 + 2}, $${i * 5 + 3}::int, $${i * 5 + 4}::timestamptz, $${i * 5 + 5}::uuid)`);
      const insert = `INSERT INTO usage_ledger (client_id, kind, quantity, occurred_at, source_id) VALUES ${rows.join(', ')}`;
      return `${insert}${sourcesNew ? '' : '\n       ON CONFLICT (kind, source_id) DO NOTHING'}${returning ? ' RETURNING 1' : ''}`;
    });
    return { sql, params };
  }

  async insertEntries(tx: EntityManager, entries: UsageRecord[]): Promise<void> {
    const { sql, params } = this.insertEntriesPart(entries);
    await tx.query(sql, params);
  }

  /** Quantities per UTC day and kind for one client, `from` inclusive, `end` exclusive. */
  async dailyTotals(tx: EntityManager, clientId: string, from: Date, end: Date): Promise<UsageDay[]> {
    const rows: { day: string; kind: UsageKind; quantity: string }[] = await tx.query(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, kind, sum(quantity) AS quantity
         FROM usage_ledger WHERE client_id = $1 AND occurred_at >= $2 AND occurred_at < $3
        GROUP BY 1, 2`,
      [clientId, from, end],
    );
    return rows.map((r) => ({ day: r.day, kind: r.kind, quantity: Number(r.quantity) }));
  }
}
