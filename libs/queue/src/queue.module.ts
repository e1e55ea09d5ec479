import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '#config';
import { PROBE_QUEUE, RedisProbe } from './redis-probe';

/**
 * A job's lock lasts this long unless its worker renews it (every half of it while alive); every
 * worker looks for active jobs whose lock has lapsed every STALLED_CHECK_MS and puts them back in the
 * queue. So the jobs of a worker killed mid-flight run again on another within about 7 s (bull's
 * defaults, 30 s and 30 s, took up to a minute).
 */
export const JOB_LOCK_MS = 5_000;
export const STALLED_CHECK_MS = 2_000;

/**
 * bull on Redis. Every job retries with exponential backoff; finished jobs are removed so Redis
 * does not fill; failed ones are kept for inspection.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            url: config.redisUrl,
            prefix: config.queuePrefix,
            // A job may be recovered from a dead worker twice before it counts as failed (the outbox sweep retries those).
            settings: { lockDuration: JOB_LOCK_MS, stalledInterval: STALLED_CHECK_MS, maxStalledCount: 2 },
            defaultJobOptions: {
              attempts: 8,
              backoff: { type: 'exponential', delay: 500 },
              removeOnComplete: true,
              removeOnFail: false,
            },
          }),
        }),
        BullModule.registerQueue({ name: PROBE_QUEUE }),
      ],
      providers: [RedisProbe],
      exports: [RedisProbe],
    };
  }
}
