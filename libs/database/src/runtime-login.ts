/** Thrown at start when the runtime login could undo the database's protections; its message is one line. */
export class UntrustedDatabaseLoginError extends Error {
  readonly code = 'untrusted_database_login';
  constructor(message: string) {
    super(message);
    this.name = 'UntrustedDatabaseLoginError';
  }
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Row-level security, the audit log's grants and its triggers bind only a login that is not a
 * superuser, cannot bypass RLS, cannot make itself a member of a role that can, and owns nothing here
 * (an owner can disable triggers and RLS on what it owns). The check covers every role the login can
 * `SET ROLE` to, and trusts no attribute of a role found already in place: it runs on the login's own
 * connection, at every start.
 */
export async function assertRestrictedLogin(query: Query): Promise<void> {
  const [found] = await query(`
    WITH reachable AS (SELECT oid, rolname, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER'))
    SELECT current_user AS login,
           (SELECT string_agg(rolname, ', ') FROM reachable WHERE rolsuper) AS superuser,
           (SELECT string_agg(rolname, ', ') FROM reachable WHERE rolbypassrls) AS bypassrls,
           (SELECT string_agg(rolname, ', ') FROM reachable WHERE rolcreaterole) AS createrole,
           (SELECT string_agg(rolname, ', ') FROM reachable
             WHERE rolname IN ('pg_read_all_data', 'pg_write_all_data', 'pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program')) AS predefined,
           (SELECT string_agg(DISTINCT r.rolname, ', ') FROM reachable r
             WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE c.relowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%')
                OR EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspowner = r.oid AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema')
                OR EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = current_database() AND d.datdba = r.oid)) AS owner`);
  const problems = [
    found.superuser && `is or can become a superuser (${found.superuser})`,
    found.bypassrls && `can bypass row-level security (${found.bypassrls})`,
    found.createrole && `can create roles and grant itself others (${found.createrole})`,
    found.predefined && `is a member of ${found.predefined}`,
    found.owner && `owns objects in the database (${found.owner})`,
  ].filter(Boolean);
  if (problems.length) {
    throw new UntrustedDatabaseLoginError(
      `Refusing to start: the database login "${String(found.login)}" (DATABASE_APP_URL) ${problems.join('; ')}. ` +
        'The API and worker must log in as a role without SUPERUSER, BYPASSRLS or CREATEROLE that owns nothing (docs/operations.md).',
    );
  }
}
