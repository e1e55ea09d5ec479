import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '#config';
import { migrateDatabase } from '#database';
import { schema } from '#platform';
import { WorkerModule } from './worker.module';

export async function startWorker() {
  const config = loadConfigOrExit();
  await migrateDatabase(config.databaseUrl, schema);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  await worker.init();
  return worker;
}

if (require.main === module) void startWorker();
