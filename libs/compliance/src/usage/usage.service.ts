import { Injectable } from '@nestjs/common';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Call } from '#calls';
import { toCsv } from '#csv';
import { TenantScope } from '#database';
import { UsageLedger } from '#usage';
import type { UsageKind } from '#usage';
import { InvalidInputError } from '../errors';
import { DAY_MS } from '../rules/deadlines';

export const MAX_USAGE_DAYS = 366;

export interface UsageCounts {
  calls: number;
  /** Billable minutes: each call's duration rounded up to a whole minute. */
  minutes: number;
  messages: number;
  recordingsReceived: number;
  recordingsDeleted: number;
  deliveries: number;
}

export interface UsageReport {
  clientId: string;
  from: string;
  to: string;
  days: ({ date: string } & UsageCounts)[];
  total: UsageCounts;
}

/** Which report column each ledger kind adds to. */
const FIELD_OF_KIND: Record<UsageKind, keyof UsageCounts> = {
  call: 'calls',
  call_minutes: 'minutes',
  message: 'messages',
  recording_stored: 'recordingsReceived',
  recording_deleted: 'recordingsDeleted',
  delivery: 'deliveries',
};

/**
 * Usage for billing and reports to clients (D6, seed 000), read from the append-only usage ledger
 * (libs/usage), never from the caller-data rows themselves: retention erasing a message or a call
 * leaves every past report as it was. Counts only; periods are whole UTC days, `from` and `to` inclusive.
 */
@Injectable()
export class UsageService {
  constructor(
    private readonly scope: TenantScope,
    private readonly ledger: UsageLedger,
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
    await this.policy.authorize(principal, { action: 'usage.read', clientId, data: Call, purpose: 'billing', content: false });
    const byDay = new Map<string, Partial<UsageCounts>>();
    for (const entry of await this.scope.run(clientId, (tx) => this.ledger.daily(tx, clientId, from, end))) {
      const field = FIELD_OF_KIND[entry.kind];
      const day = byDay.get(entry.day) ?? {};
      day[field] = (day[field] ?? 0) + entry.quantity;
      byDay.set(entry.day, day);
    }
    const empty = (): UsageCounts => ({ calls: 0, minutes: 0, messages: 0, recordingsReceived: 0, recordingsDeleted: 0, deliveries: 0 });
    const total = empty();
    const days: UsageReport['days'] = [];
    for (let t = from.getTime(); t < end.getTime(); t += DAY_MS) {
      const date = new Date(t).toISOString().slice(0, 10);
      const row = { ...empty(), ...byDay.get(date) };
      for (const key of Object.keys(total) as (keyof UsageCounts)[]) total[key] += row[key];
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
}

const CSV_COLUMNS: (keyof UsageCounts)[] = ['calls', 'minutes', 'messages', 'recordingsReceived', 'recordingsDeleted', 'deliveries'];

/** One row per day and a final `total` row. */
export function usageCsv(report: UsageReport): string {
  return toCsv([...report.days, { ...report.total, date: 'total' }], ['date', ...CSV_COLUMNS]);
}
