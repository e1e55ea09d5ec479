import type { Queue } from 'bull';

/** What an outbox sweep found of a pending row's job. */
export type OutboxJobState = 'added' | 'retried' | 'recovered' | 'queued';

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`Redis did not answer within ${ms} ms`), { code: 'enqueue_timeout' })), ms).unref());

/**
 * Enqueues one job per outbox row (the job id is the row id, so twice is once), each waiting at most
 * `timeoutMs` for Redis. Never throws: the outbox row is the truth and a sweep enqueues what failed here.
 */
export async function enqueueOutboxJobs(outboxIds: readonly string[], add: (outboxId: string) => Promise<unknown>, timeoutMs: number): Promise<{ enqueued: number; failed: number }> {
  const results = await Promise.allSettled(outboxIds.map((id) => Promise.race([add(id), timeout(timeoutMs)])));
  const failed = results.filter((r) => r.status === 'rejected').length;
  return { enqueued: outboxIds.length - failed, failed };
}

/**
 * For an outbox sweep: makes sure a pending row has a live job. A job that used up its attempts is
 * retried; one waiting, delayed or running is left alone; a missing one (Redis lost it) is added again;
 * a finished one (its row's final write failed) runs again; one bull shows running but whose worker no
 * longer holds its lock (the worker died) goes back to the queue.
 */
export async function ensureOutboxJob(queue: Queue, outboxId: string, add: (outboxId: string) => Promise<unknown>): Promise<OutboxJobState> {
  const job = await queue.getJob(outboxId);
  if (!job) {
    await add(outboxId);
    return 'added';
  }
  if ((await job.isActive()) && !(await queue.client.exists(job.lockKey()))) {
    // bull's own stalled-job check, run now (it is public on the queue, though not in its typings).
    await (queue as Queue & { moveUnlockedJobsToWait(): Promise<void> }).moveUnlockedJobsToWait();
    return 'recovered';
  }
  if (await job.isFailed()) {
    await job.retry();
    return 'retried';
  }
  if (await job.isCompleted()) {
    await job.remove();
    await add(outboxId);
    return 'added';
  }
  return 'queued';
}
