import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { toCsv } from '#csv';
import { TenantScope } from '#database';
import { InvalidInputError } from '#errors';
import { DAY_MS } from '../shared/deadlines';

export const MAX_USAGE_DAYS = 366;

export interface UsageCounts {
  calls: number;
  /** Billable minutes: each call's duration rounded up to a whole minute. */
  minutes: number;
  messages: number;
  recordingsReceived: number;
  recordingsDeleted: number;
  /** null while the deliveries table does not exist yet. */
  deliveries: number | null;
}

export interface UsageReport {
  clientId: string;
  from: string;
  to: string;
  days: ({ date: string } & UsageCounts)[];
  total: UsageCounts;
}

type DayCounts = Map<string, Partial<UsageCounts>>;

/**
 * Usage for billing and reports to clients (D6, seed 000). Counts only: no caller content is read.
 * Periods are whole UTC days, `from` and `to` inclusive.
 */
@Injectable()
export class UsageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async report(principal: Principal, clientId: string, fromDate: string, toDate: string): Promise<UsageReport> {
    const from = new Date(`${fromDate}T00:00:00.000Z`);
    const to = new Date(`${toDate}T00:00:00.000Z`);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new InvalidInputError('from and to must be dates (YYYY-MM-DD)');
    if (to.getTime() < from.getTime()) throw new InvalidInputError('to must not be before from');
    const dayCount = (to.getTime() - from.getTime()) / DAY_MS + 1;
    if (dayCount > MAX_USAGE_DAYS) throw new InvalidInputError(`a report covers at most ${MAX_USAGE_DAYS} days`);
    const end = new Date(to.getTime() + DAY_MS);

    // Admins, and that client's own users: the policy decides (a foreign client reads as not found).
    await this.policy.authorize(principal, { action: 'usage.read', clientId, dataRole: 'processor', purpose: 'billing', content: false });
    const counts = await this.scope.run(clientId, async (tx) => {
      const byDay: DayCounts = new Map();
      const merge = (rows: { day: string; [k: string]: unknown }[], field: keyof UsageCounts, column = 'n') => {
        for (const row of rows) byDay.set(row.day, { ...byDay.get(row.day), [field]: Number(row[column]) });
      };
      const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
      const calls = await tx.query(
        `SELECT ${day('started_at')} AS day, count(*) AS n,
                coalesce(sum(ceil(extract(epoch FROM (ended_at - started_at)) / 60)), 0) AS minutes
           FROM calls WHERE client_id = $1 AND started_at >= $2 AND started_at < $3 GROUP BY 1`,
        [clientId, from, end],
      );
      merge(calls, 'calls');
      merge(calls, 'minutes', 'minutes');
      merge(
        await tx.query(`SELECT ${day('created_at')} AS day, count(*) AS n FROM caller_messages WHERE client_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1`, [
          clientId,
          from,
          end,
        ]),
        'messages',
      );
      merge(
        await tx.query(`SELECT ${day('stored_at')} AS day, count(*) AS n FROM recordings WHERE client_id = $1 AND stored_at >= $2 AND stored_at < $3 GROUP BY 1`, [
          clientId,
          from,
          end,
        ]),
        'recordingsReceived',
      );
      merge(
        await tx.query(`SELECT ${day('deleted_at')} AS day, count(*) AS n FROM recordings WHERE client_id = $1 AND deleted_at >= $2 AND deleted_at < $3 GROUP BY 1`, [
          clientId,
          from,
          end,
        ]),
        'recordingsDeleted',
      );
      const deliveries = await this.deliveriesByDay(tx, clientId, from, end);
      if (deliveries) merge(deliveries, 'deliveries');
      return { byDay, deliveriesCounted: deliveries !== null };
    });

    const empty = (): UsageCounts => ({
      calls: 0,
      minutes: 0,
      messages: 0,
      recordingsReceived: 0,
      recordingsDeleted: 0,
      deliveries: counts.deliveriesCounted ? 0 : null,
    });
    const total = empty();
    const days: UsageReport['days'] = [];
    for (let t = from.getTime(); t < end.getTime(); t += DAY_MS) {
      const date = new Date(t).toISOString().slice(0, 10);
      const row = { ...empty(), ...counts.byDay.get(date) };
      for (const key of Object.keys(total) as (keyof UsageCounts)[]) {
        if (total[key] !== null) total[key] = (total[key] as number) + ((row[key] as number | null) ?? 0);
      }
      days.push({ date, ...row });
    }
    await this.audit.append({
      actor: actorOf(principal),
      clientId,
      dataRole: 'processor',
      purpose: 'billing',
      action: 'usage.read',
      subject: { type: 'client', id: clientId },
      outcome: 'success',
      details: { from: fromDate, to: toDate },
    });
    return { clientId, from: fromDate, to: toDate, days, total };
  }

  /**
   * Deliveries created per day, or null while the deliveries library has not created its table yet.
   * Assumes `deliveries(client_id, created_at)`, which that library's design names.
   */
  private async deliveriesByDay(tx: EntityManager, clientId: string, from: Date, end: Date): Promise<{ day: string; n: string }[] | null> {
    const [{ present }] = await tx.query(`SELECT to_regclass('public.deliveries') IS NOT NULL AS present`);
    if (!present) return null;
    return tx.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS n
         FROM deliveries WHERE client_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1`,
      [clientId, from, end],
    );
  }
}

const CSV_COLUMNS: (keyof UsageCounts)[] = ['calls', 'minutes', 'messages', 'recordingsReceived', 'recordingsDeleted', 'deliveries'];

/** One row per day and a final `total` row. */
export function usageCsv(report: UsageReport): string {
  return toCsv([...report.days, { ...report.total, date: 'total' }], ['date', ...CSV_COLUMNS]);
}
