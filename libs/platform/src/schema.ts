import { accessEntities, accessMigrations } from '#access';
import { auditEntities, auditMigrations } from '#audit';
import { callsEntities, callsMigrations } from '#calls';
import { clientsEntities, clientsMigrations } from '#clients';
import { complianceEntities, complianceMigrations } from '#compliance';
import { cryptoEntities, cryptoMigrations } from '#crypto';
import { deliveriesEntities, deliveriesMigrations } from '#deliveries';
import { ApplicationRole1700000000000, DatabaseIdentities1700000001200, Schema, WriteBatchRequiredParts1700000002010 } from '#database';
import { identityEntities, identityMigrations } from '#identity';
import { notificationsEntities, notificationsMigrations } from '#notifications';
import { usageEntities, usageMigrations } from '#usage';

/** Every domain's tables, in dependency order. The one list the API, the worker and the tests share. */
export const schema: Schema = {
  entities: [...auditEntities, ...cryptoEntities, ...clientsEntities, ...usageEntities, ...accessEntities, ...identityEntities, ...callsEntities, ...deliveriesEntities, ...complianceEntities, ...notificationsEntities],
  migrations: [ApplicationRole1700000000000, ...auditMigrations, ...cryptoMigrations, ...clientsMigrations, ...usageMigrations, ...accessMigrations, ...identityMigrations, ...callsMigrations, ...deliveriesMigrations, ...complianceMigrations, DatabaseIdentities1700000001200, ...notificationsMigrations, WriteBatchRequiredParts1700000002010],
};
