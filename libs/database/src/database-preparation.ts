import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, Schema } from './database-options';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in the URL if it does not exist (connecting to the maintenance db). */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a sibling process
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations as the owner. Returns the names of the migrations it ran. */
export async function migrateDatabase(url: string, schema: Schema): Promise<string[]> {
  await ensureDatabaseExists(url);
  const owner = new DataSource(dataSourceOptions(url, schema, { as: 'owner', poolSize: 2 }));
  await owner.initialize();
  // Two processes starting together must not both migrate: hold a session lock on its own connection.
  const lock = owner.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(7001)');
    const ran = await owner.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await lock.release();
    await owner.destroy();
  }
}

/**
 * The SQL TypeORM would run to make the database match the entities. Empty when entities and
 * migrations agree; a test fails otherwise.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
