import type { OwnerStep } from '#database';
import { AuditSettingsRepository } from './audit-settings.repository';

/**
 * Written by the owner at every start from AUDIT_RETENTION_MONTHS: the minimum age at which the
 * database lets a sealed audit segment be pruned. The application's own login can read it, never
 * write it, so a compromised application cannot shorten the period it is held to.
 */
export const auditRetentionSetting: OwnerStep = async (owner, config) => {
  // Owner steps run before the application's container exists, so the repository is made here.
  await new AuditSettingsRepository().setRetentionMonths(owner, config.auditRetentionMonths);
};
