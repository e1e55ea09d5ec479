import { UsageLedger1700000001510 } from './migrations/1700000001510-UsageLedger';
import { UsageEntry } from './usage-entry.entity';

export { USAGE_KINDS, UsageEntry } from './usage-entry.entity';
export type { UsageKind } from './usage-entry.entity';
export { billableMinutes, UsageLedger } from './usage-ledger';
export type { UsageDay, UsageRecord } from './usage-ledger';
export { UsageModule } from './usage.module';

export const usageEntities = [UsageEntry];
export const usageMigrations = [UsageLedger1700000001510];
