import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { AppConfig, appRoleName, databaseName } from '#config';
import { ADVISORY_LOCKS } from './advisory-locks';
import { dataSourceOptions, Schema } from './database-options';
import { assertRestrictedLogin } from './runtime-login';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Serialises migrations (and the owner's start-up steps) between processes starting together. */
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

/** Work the owner does at start after migrating, under the migration lock (e.g. settings only it may write). */
export type OwnerStep = (owner: QueryRunner, config: AppConfig) => Promise<void>;

const maintenanceClient = (url: string) => {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return new Client({ connectionString: maintenance.toString() });
};

/**
 * Creates the database named in the URL if it does not exist (connecting to the maintenance db).
 * Processes starting together take a lock named after the database first; a CREATE that loses a race
 * anyway raises 42P04, or 23505 on pg_database's unique index when both passed the check at once.
 */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = databaseName(url);
  const client = maintenanceClient(url);
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('callvault:create-database:' || $1))`, [name]);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile by a sibling process
      });
    }
  } finally {
    await client.end(); // ends the session, and its lock with it
  }
}

/** Drops the database and its own role (roles are cluster-wide; a test database's must not outlive it). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const client = maintenanceClient(url);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`DROP ROLE IF EXISTS ${quoteIdent(appRoleName(name))}`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations as the owner. Returns the names of the migrations it ran. */
export async function migrateDatabase(url: string, schema: Schema): Promise<string[]> {
  return asOwner(url, schema, async () => undefined);
}

/**
 * What every process does before it serves (API and worker alike, any number at once): create the
 * database if missing, migrate it as the owner, make the runtime login able to log in as a member of
 * the database's application role, run the owner's start-up steps, and finally check, on the
 * runtime login's own connection, that it cannot undo any protection (assertRestrictedLogin).
 */
export async function prepareDatabase(config: AppConfig, schema: Schema, ownerSteps: OwnerStep[] = []): Promise<string[]> {
  const ran = await asOwner(config.databaseUrl, schema, async (owner) => {
    await provisionRuntimeLogin(owner, config.databaseAppUrl);
    for (const step of ownerSteps) await step(owner, config);
  });
  await checkRuntimeLogin(config.databaseAppUrl);
  return ran;
}

/** Connects as the runtime login and refuses it if it could undo the database's protections. */
export async function checkRuntimeLogin(appUrl: string): Promise<void> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    await assertRestrictedLogin(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

async function asOwner(url: string, schema: Schema, then: (owner: QueryRunner) => Promise<void>): Promise<string[]> {
  await ensureDatabaseExists(url);
  const owner = new DataSource(dataSourceOptions(url, schema, { as: 'owner', poolSize: 2 }));
  await owner.initialize();
  // Two processes starting together must not both migrate: hold a session lock on its own connection.
  const lock = owner.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await owner.runMigrations({ transaction: 'each' });
    await then(lock);
    return ran.map((m) => m.name);
  } finally {
    await lock.release();
    await owner.destroy();
  }
}

/**
 * The login named by DATABASE_APP_URL: created (with no attributes) when missing; when it is the
 * database's own role (the default), enabled for login with the URL's password; otherwise made a
 * member of that role. A role found in place keeps its attributes: the start-up check judges them.
 */
async function provisionRuntimeLogin(owner: QueryRunner, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const login = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const [{ role }]: { role: string }[] = await owner.query(`SELECT callvault_app_role() AS role`);
  const withPassword = password ? ` PASSWORD ${quoteLiteral(password)}` : '';
  const [existing] = await owner.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [login]);
  if (!existing) {
    await owner
      .query(`CREATE ROLE ${quoteIdent(login)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION${withPassword}`)
      .catch((error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505') throw error; // created meanwhile for another database
      });
  } else if (login === role) {
    await owner.query(`ALTER ROLE ${quoteIdent(login)} LOGIN${withPassword}`);
  }
  if (login !== role) await owner.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(login)}`);
}

/**
 * The SQL TypeORM would run to make the database match the entities. Empty when entities and
 * migrations agree; a test fails otherwise.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
