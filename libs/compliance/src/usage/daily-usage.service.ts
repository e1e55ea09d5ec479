import { Injectable } from '@nestjs/common';
import type { Principal } from '#access';
import { UsageService } from './usage.service';

export interface DailyUsagePoint {
  date: string;
  calls: number;
  minutes: number;
  messages: number;
}

export interface DailyUsage {
  clientId: string;
  from: string;
  to: string;
  days: DailyUsagePoint[];
}

/**
 * The per-day series a usage chart draws (calls, minutes, messages), projected from the usage
 * report so the two never disagree: whatever the report counts from, the chart follows. Authorised
 * and audited by the report.
 */
@Injectable()
export class DailyUsageService {
  constructor(private readonly usage: UsageService) {}

  async series(principal: Principal, clientId: string, from: string, to: string): Promise<DailyUsage> {
    const report = await this.usage.report(principal, clientId, from, to);
    return {
      clientId: report.clientId,
      from: report.from,
      to: report.to,
      days: report.days.map(({ date, calls, minutes, messages }) => ({ date, calls, minutes, messages })),
    };
  }
}
