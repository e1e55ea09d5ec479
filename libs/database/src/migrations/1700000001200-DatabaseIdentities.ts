import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from '#config';
import { LEGACY_SHARED_ROLE } from '../app-role';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Two identities per database (issue 10): the owner runs migrations; the application's privileges go
 * to this database's own role, `<database>_runtime`, which owns nothing. Until now they went to the
 * cluster-wide `callvault_app`, shared by every database on the cluster and accepted as found: this
 * moves every grant it held here (tables, columns, sequences, default privileges, the schema) to the
 * database's role and leaves it none. Only this database's role may connect to it, besides the owner.
 */
export class DatabaseIdentities1700000001200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const [{ database }]: { database: string }[] = await q.query(`SELECT current_database() AS database`);
    const role = appRoleName(database);
    // Created without attributes; if it already existed, the start-up check refuses it when it has any.
    await q.query(`DO $$ BEGIN
      CREATE ROLE ${ident(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await q.query(`CREATE FUNCTION callvault_app_role() RETURNS name LANGUAGE sql IMMUTABLE AS $f$ SELECT ${literal(role)}::name $f$`);
    await q.query(`DO $$
      DECLARE
        r record;
        app text := callvault_app_role();
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(LEGACY_SHARED_ROLE)}) THEN RETURN; END IF;
        FOR r IN SELECT c.oid::regclass AS rel, c.relkind, a.privilege_type
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
                  WHERE n.nspname = 'public' AND a.grantee = ${literal(LEGACY_SHARED_ROLE)}::regrole LOOP
          EXECUTE format('GRANT %s ON %s %s TO %I', r.privilege_type, CASE WHEN r.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.rel, app);
        END LOOP;
        FOR r IN SELECT c.oid::regclass AS rel, att.attname, a.privilege_type
                   FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
                        aclexplode(att.attacl) a
                  WHERE n.nspname = 'public' AND a.grantee = ${literal(LEGACY_SHARED_ROLE)}::regrole LOOP
          EXECUTE format('GRANT %s (%I) ON TABLE %s TO %I', r.privilege_type, r.attname, r.rel, app);
        END LOOP;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${ident(LEGACY_SHARED_ROLE)};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${ident(LEGACY_SHARED_ROLE)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${ident(LEGACY_SHARED_ROLE)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${ident(LEGACY_SHARED_ROLE)};
        REVOKE ALL ON SCHEMA public FROM ${ident(LEGACY_SHARED_ROLE)};
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${ident(role)}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(role)}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(role)}`);
    await q.query(`REVOKE CONNECT ON DATABASE ${ident(database)} FROM PUBLIC`);
    await q.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(role)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ database }]: { database: string }[] = await q.query(`SELECT current_database() AS database`);
    const role = ident(appRoleName(database));
    await q.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO PUBLIC`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${role}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${role}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
    await q.query(`DROP FUNCTION callvault_app_role()`);
  }
}
