export { QueueModule } from './queue.module';
export { RedisProbe } from './redis-probe';
