export { QueueModule } from './queue.module';
export { RedisProbe } from './redis-probe';
export type { RepeatableJob } from './repeatable-job';
