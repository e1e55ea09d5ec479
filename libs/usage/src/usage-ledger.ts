import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlPart, WriteBatch } from '#database';
import type { UsageKind } from './usage-entry.entity';

export interface UsageRecord {
  clientId: string;
  kind: UsageKind;
  quantity?: number;
  occurredAt: Date;
  sourceId: string;
}

export interface UsageDay {
  /** UTC date, YYYY-MM-DD. */
  day: string;
  kind: UsageKind;
  quantity: number;
}

/** Billable minutes of a call: its duration rounded up to a whole minute. */
export const billableMinutes = (startedAt: Date, endedAt: Date) => Math.max(0, Math.ceil((endedAt.getTime() - startedAt.getTime()) / 60_000));

function insertEntries(entries: UsageRecord[]): SqlPart {
  const params: unknown[] = [];
  const rows = entries.map((e) => {
    params.push(e.clientId, e.kind, e.quantity ?? 1, e.occurredAt, e.sourceId);
    const n = params.length;
    return `($${n - 4}::uuid, $${n - 3}, $${n - 2}::int, $${n - 1}::timestamptz, $${n}::uuid)`;
  });
  return {
    sql: `INSERT INTO usage_ledger (client_id, kind, quantity, occurred_at, source_id) VALUES ${rows.join(', ')}
       ON CONFLICT (kind, source_id) DO NOTHING`,
    params,
  };
}

/**
 * The append-only usage ledger. Writers (calls, deliveries, compliance) call `record` with their own
 * transaction, so a counted event and its ledger entry commit or roll back together; the usage report
 * reads `daily`. Recording the same kind for the same source twice is a no-op, so retries are safe.
 */
@Injectable()
export class UsageLedger {
  async record(tx: EntityManager, entries: UsageRecord[]): Promise<void> {
    if (!entries.length) return;
    const { sql, params } = insertEntries(entries);
    await tx.query(sql, params);
  }

  /** `record` as one part of the caller's write batch (same transaction, same statement as its other rows). */
  recordIn(batch: WriteBatch, entries: UsageRecord[]): void {
    if (!entries.length) return;
    const part = insertEntries(entries);
    batch.add('usage', { sql: `${part.sql} RETURNING 1`, params: part.params });
  }

  /** Quantities per UTC day and kind for one client, `from` inclusive, `end` exclusive. Run it in the client's tenant scope. */
  async daily(tx: EntityManager, clientId: string, from: Date, end: Date): Promise<UsageDay[]> {
    const rows: { day: string; kind: UsageKind; quantity: string }[] = await tx.query(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, kind, sum(quantity) AS quantity
         FROM usage_ledger WHERE client_id = $1 AND occurred_at >= $2 AND occurred_at < $3
        GROUP BY 1, 2`,
      [clientId, from, end],
    );
    return rows.map((r) => ({ day: r.day, kind: r.kind, quantity: Number(r.quantity) }));
  }
}
