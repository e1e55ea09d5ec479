import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfigOrExit } from '#config';
import { prepareDatabaseOrExit } from '#platform';
import { ApiModule } from './api.module';
import { configureHttp } from './http-setup';

/** The API on a prepared database (migrated by the owner, runtime login checked). */
export async function startApi(config: AppConfig) {
  const app = configureHttp(await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true }));
  await app.listen(config.port);
  return app;
}

async function main() {
  const config = loadConfigOrExit();
  await prepareDatabaseOrExit(config);
  await startApi(config);
}

if (require.main === module) void main();
