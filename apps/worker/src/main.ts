import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, loadConfigOrExit } from '#config';
import { prepareDatabaseOrExit } from '#platform';
import { WorkerModule } from './worker.module';

/** The worker on a prepared database (migrated by the owner, runtime login checked). */
export async function startWorker(config: AppConfig) {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  await worker.init();
  return worker;
}

async function main() {
  const config = loadConfigOrExit();
  await prepareDatabaseOrExit(config);
  await startWorker(config);
}

if (require.main === module) void main();
