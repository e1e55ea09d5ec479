import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Everything the database knows about: each domain library contributes its entities and migrations. */
export interface Schema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export interface ConnectionOptions {
  /** Owner connections (DATABASE_URL) run migrations and maintenance; application ones use the runtime login (DATABASE_APP_URL). */
  as: 'owner' | 'application';
  /** Connections in the pool (20 when not given). */
  poolSize?: number;
}

export function dataSourceOptions(url: string, schema: Schema, options: ConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.as === 'owner' ? 'callvault-owner' : 'callvault',
      // node-postgres' pipeline mode: a query goes out when it is made, so a transaction's first
      // statement can share START TRANSACTION's write (beginWith). Each await still waits for its answer;
      // no cursors or row streams are used on these connections (pipeline mode refuses them).
      pipeline: options.as === 'application',
    },
  };
}
