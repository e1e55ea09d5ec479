import type { OwnerStep } from '#database';

/**
 * Written by the owner at every start from AUDIT_RETENTION_MONTHS: the minimum age at which the
 * database lets a sealed audit segment be pruned. The application's own login can read it, never
 * write it, so a compromised application cannot shorten the period it is held to.
 */
export const auditRetentionSetting: OwnerStep = async (owner, config) => {
  await owner.query(`UPDATE audit_settings SET retention_months = $1`, [config.auditRetentionMonths]);
};
