import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '#config';
import { PROBE_QUEUE, RedisProbe } from './redis-probe';

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
