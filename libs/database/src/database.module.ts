import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { dataSourceOptions, Schema } from './database-options';
import { assertRestrictedLogin } from './runtime-login';
import { TenantScope } from './tenant-scope';

/** The application's connection pool, logged in as the runtime login; refused if that login could undo RLS or the audit grants. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: Schema): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config.databaseAppUrl, schema, { as: 'application', poolSize: config.databasePoolSize }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              await assertRestrictedLogin((sql) => dataSource.query(sql));
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [TenantScope],
      exports: [TenantScope],
    };
  }
}
