import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '#config';
import { migrateDatabase } from '#database';
import { schema } from '#platform';
import { ApiModule } from './api.module';
import { configureHttp } from './http-setup';

export async function startApi() {
  const config = loadConfigOrExit();
  await migrateDatabase(config.databaseUrl, schema);
  const app = configureHttp(await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true }));
  await app.listen(config.port);
  return app;
}

if (require.main === module) void startApi();
