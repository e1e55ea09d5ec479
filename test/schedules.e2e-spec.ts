import { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { ScheduleRegistry } from '../apps/worker/src/schedule-registry';
import { OwnRedis } from './support/deliveries-fault-services';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { startTestWorker } from './support/test-app';

/** Every repeatable job the worker declares, as `queue:name:jobId`, read back from Redis itself. */
async function scheduledInRedis(worker: INestApplicationContext): Promise<string[]> {
  const registry = worker.get(ScheduleRegistry);
  const found: string[] = [];
  for (const queue of new Set(registry.declared.map((job) => job.queue))) {
    for (const entry of await queue.getRepeatableJobs()) found.push(`${queue.name}:${entry.name}:${entry.id}`);
  }
  return found.sort();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('schedules: one registry re-registers every repeatable job when Redis loses them', () => {
  let redis: OwnRedis;
  let env: TestEnvironment;
  let worker: INestApplicationContext;
  const expected = [
    'audit:verify-chain:nightly-verify-chain',
    'compliance:retention-sweep:nightly-retention-sweep',
    'deletions:sweep-deletion-outbox:deletion-outbox-sweep',
    'deletions:sweep-receipt-windows:receipt-window-sweep',
    'deletions:sweep-retention:retention-sweep',
    'notifications:sweep-notices:notice-sweep',
    'recordings:sweep-recordings:recordings-sweep',
  ];

  beforeAll(async () => {
    redis = await OwnRedis.start();
    env = await createTestEnvironment({ REDIS_URL: redis.url });
    worker = await startTestWorker(env.config);
  });

  afterAll(async () => {
    await worker?.close();
    await env?.destroy();
    await redis?.stop();
  });

  it('registers each declared schedule at start', async () => {
    await waitFor(async () => (await scheduledInRedis(worker)).length === expected.length, 5_000);
    expect(await scheduledInRedis(worker)).toEqual(expected);
  });

  it('brings every schedule back after Redis is flushed (no reconnect)', async () => {
    const admin = new Redis(redis.url);
    try {
      await admin.flushall();
    } finally {
      admin.disconnect();
    }
    expect(await scheduledInRedis(worker)).toEqual([]);
    await waitFor(async () => (await scheduledInRedis(worker)).length === expected.length, 15_000);
    expect(await scheduledInRedis(worker)).toEqual(expected);
  });

  it('brings every schedule back after Redis restarts empty', async () => {
    await redis.stop();
    await redis.start();
    await waitFor(async () => (await scheduledInRedis(worker)).length === expected.length, 15_000);
    expect(await scheduledInRedis(worker)).toEqual(expected);
  });
});
