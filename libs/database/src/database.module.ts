import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#config';
import { dataSourceOptions, Schema } from './database-options';
import { TenantScope } from './tenant-scope';

/** The application's connection pool, running as the restricted application role. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: Schema): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl, schema, { as: 'application' }),
        }),
      ],
      providers: [TenantScope],
      exports: [TenantScope],
    };
  }
}
