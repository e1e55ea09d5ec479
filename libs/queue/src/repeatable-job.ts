import type { JobOptions, Queue } from 'bull';

/**
 * A periodic job as the library that owns its queue declares it. Libraries only declare; the worker's
 * schedule registry registers every declaration, and again whenever Redis has lost them.
 */
export interface RepeatableJob {
  queue: Queue;
  name: string;
  /** Names the repeat schedule in Redis, so registering twice is one schedule. */
  jobId: string;
  repeat: { cron: string } | { every: number };
  options?: Omit<JobOptions, 'repeat' | 'jobId'>;
}
