export { JOB_LOCK_MS, QueueModule, STALLED_CHECK_MS } from './queue.module';
export { RedisProbe } from './redis-probe';
export type { RepeatableJob } from './repeatable-job';
export { enqueueOutboxJobs, ensureOutboxJob } from './outbox-jobs';
export type { OutboxJobState } from './outbox-jobs';
