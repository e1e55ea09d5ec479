import { DynamicModule, Module } from '@nestjs/common';
import { assertPersonalDataDeclared, AuditModule } from '#audit';
import { Clock, ClockModule } from '#clock';
import { AppConfig, ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { QueueModule } from '#queue';
import { StorageModule } from '#storage';
import { UsageModule } from '#usage';
import { LoggingModule } from './logging';
import { schema } from './schema';

/** Replaceable from outside: only what is outside our control (the clock). */
export interface PlatformOverrides {
  clock?: Clock;
}

/** What the API and the worker both stand on: config, clock, logs, Postgres, Redis, object storage, audit, the usage ledger. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    assertPersonalDataDeclared(schema.entities as unknown[]);
    return {
      module: PlatformModule,
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(overrides.clock), LoggingModule, DatabaseModule.forRoot(schema), QueueModule.forRoot(), StorageModule, AuditModule, UsageModule],
    };
  }
}
