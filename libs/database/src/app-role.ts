import type { QueryRunner } from 'typeorm';

/**
 * The application's privileges are granted to one role per database, `<database>_runtime` (see
 * appRoleName in #config), which owns nothing; the runtime login is that role or a member of it.
 * Migration 1200 records its name in `callvault_app_role()`. Migrations that grant or revoke use
 * this, never a literal name: a cluster-wide name would be shared by every database on the cluster.
 */
export async function appRole(q: QueryRunner): Promise<string> {
  const [row]: { name: string }[] = await q.query(`SELECT quote_ident(callvault_app_role()) AS name`);
  return row.name;
}

/** The role the first migration created for every database on the cluster; it keeps no privileges since migration 1200. */
export const LEGACY_SHARED_ROLE = 'callvault_app';
