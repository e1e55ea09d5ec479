import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlPart } from '#database';
import type { UsageKind } from './usage-entry.entity';
import type { UsageDay, UsageRecord } from './usage-ledger';

/** The SQL on `usage_ledger`. Every method takes the caller's manager or transaction. */
@Injectable()
export class UsageLedgerRepository {
  /**
   * One multi-row insert; an entry already there for the same kind and source is skipped, unless
   * `sourcesNew` (the sources were created in the same transaction, so none can have an entry yet): a
   * plain insert then, without ON CONFLICT's speculative insertion, and a duplicate fails the write.
   */
  insertEntriesPart(entries: UsageRecord[], sourcesNew = false): SqlPart {
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      params.push(e.clientId, e.kind, e.quantity ?? 1, e.occurredAt, e.sourceId);
      const n = params.length;
      return `($${n - 4}::uuid, $${n - 3}, $${n - 2}::int, $${n - 1}::timestamptz, $${n}::uuid)`;
    });
    const insert = `INSERT INTO usage_ledger (client_id, kind, quantity, occurred_at, source_id) VALUES ${rows.join(', ')}`;
    return { sql: sourcesNew ? insert : `${insert}\n       ON CONFLICT (kind, source_id) DO NOTHING`, params };
  }

  /** The insert as a part of a write batch, whose parts each return their rows. */
  batchedInsertPart(entries: UsageRecord[], sourcesNew: boolean): SqlPart {
    const part = this.insertEntriesPart(entries, sourcesNew);
    return { sql: `${part.sql} RETURNING 1`, params: part.params };
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
