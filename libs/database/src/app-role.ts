/**
 * The application's queries run as this role, which owns nothing: row-level security and the audit
 * log's grants bind it. Migrations run as the DATABASE_URL user (the owner). Roles are cluster-wide,
 * so one name serves every database on the cluster.
 */
export const APP_ROLE = 'callvault_app';
