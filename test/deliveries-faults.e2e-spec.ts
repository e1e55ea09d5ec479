import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import { ManualClock } from '#clock';
import { DELETE_RECORDING_JOB, DELETIONS_QUEUE, DELIVERY_RULES } from '#deliveries';
import { basic, bearer, callWithRecording, createParty, eventually, MiB, Party, postReceipt, requestDownload } from './support/deliveries-helpers';
import { OwnRedis, RestartableS3 } from './support/deliveries-fault-services';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  id: string;
  status: string;
  storage_key: string;
  data_key_id: string | null;
}

/**
 * Redis and S3 of this suite's own, stopped at the moment a download completes: the deletion the
 * download decided must still happen once they are back, and never be recorded early (a recording
 * is never `deleted` while its object still exists).
 */
describe('delete on download survives Redis and S3 outages', () => {
  let redis: OwnRedis;
  let s3: RestartableS3;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let party: Party;
  const clock = new ManualClock(new Date());

  const rows = (ids: string[]) => ownerQuery<Row>(env.config, 'SELECT id, status, storage_key, data_key_id FROM recordings WHERE id = ANY($1::uuid[])', [ids]);
  const keysLeft = async (keyIds: string[]) => (await ownerQuery(env.config, 'SELECT 1 FROM data_keys WHERE id = ANY($1::uuid[])', [keyIds])).length;

  /** Polls all along: any recording marked deleted whose object is still on the store's disk is a violation. */
  function watchForEarlyDeletion(ids: string[]) {
    const violations: string[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        for (const row of await rows(ids)) if (row.status === 'deleted' && s3.holds(row.storage_key)) violations.push(row.id);
        await sleep(20);
      }
    })();
    return async () => {
      running = false;
      await loop;
      return violations;
    };
  }

  /**
   * A delivery of three recordings, downloaded completely and its receipt confirmed; `fail` runs once
   * every recording byte has arrived (only the messages, the manifest and the ZIP's directory are still
   * to come), so Redis and S3 are down when the receipt consumes it.
   */
  async function downloadFailingAtCompletion(fail: () => Promise<void>) {
    const items = [];
    for (let i = 0; i < 3; i++) items.push(await callWithRecording(api, party, clock.now(), 2 * MiB + i, 90 + i));
    const before = await rows(items.map((i) => i.recordingId));
    const created = (await api.http.post('/deliveries').set(bearer(party.client)).send({ recordingIds: items.map((i) => i.recordingId) }).expect(201)).body;
    const recordingBytes = items.reduce((sum, i) => sum + i.size, 0);
    let failing: Promise<void> | undefined;
    const res = await requestDownload(api, created.id, {
      authorization: basic(created.id, created.password),
      discardBody: true,
      onProgress: (received) => {
        if (received >= recordingBytes) failing ??= fail();
      },
    });
    await failing;
    expect(res).toMatchObject({ status: 200, aborted: false });
    expect(failing).toBeDefined();
    expect(await postReceipt(api, created.id, basic(created.id, created.password), res.sha256)).toEqual({ status: 200, body: { status: 'consumed' } });
    const ids = items.map((i) => i.recordingId);
    const keyIds = before.map((r) => r.data_key_id!);
    // The consumption is the database's alone: it committed whatever Redis and S3 were doing.
    await eventually(async () => (await ownerQuery<{ status: string }>(env.config, 'SELECT status FROM deliveries WHERE id = $1', [created.id]))[0].status === 'consumed');
    const [{ n }] = await ownerQuery<{ n: string }>(env.config, `SELECT count(*) AS n FROM deletion_outbox WHERE delivery_id = $1`, [created.id]);
    expect(Number(n)).toBe(3);
    return { ids, keyIds, deliveryId: created.id };
  }

  async function expectAllDeleted(ids: string[], keyIds: string[]) {
    await eventually(async () => (await rows(ids)).every((r) => r.status === 'deleted'), 45_000, 'every delivered recording deleted');
    for (const row of await rows(ids)) expect(s3.holds(row.storage_key)).toBe(false);
    expect(await keysLeft(keyIds)).toBe(0);
    const receipts = await ownerQuery(env.config, `SELECT subject_id FROM audit_events WHERE action = 'recording.delete' AND subject_id = ANY($1::text[])`, [ids]);
    expect(receipts).toHaveLength(ids.length);
    const pending = await ownerQuery(env.config, `SELECT 1 FROM deletion_outbox WHERE recording_id = ANY($1::uuid[]) AND status <> 'done'`, [ids]);
    expect(pending).toEqual([]);
  }

  beforeAll(async () => {
    redis = await OwnRedis.start();
    s3 = await RestartableS3.start();
    env = await createTestEnvironment({ REDIS_URL: redis.url, ...s3.env });
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    party = await createParty(api.http, await loginAdmin(api.http), 'Delta Locksmiths');
  }, 30_000);

  afterAll(async () => {
    await redis?.start();
    await s3?.start();
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.dispose();
    await redis?.stop();
  });

  it('Redis crashes as the download completes (and comes back empty): the outbox keeps the deletion, which then happens', async () => {
    const { ids, keyIds } = await downloadFailingAtCompletion(() => redis.stop());
    const violations = watchForEarlyDeletion(ids);
    try {
      await sleep(1000);
      expect((await rows(ids)).every((r) => r.status === 'delivered')).toBe(true);
      await redis.start();
      // Redis came back with nothing in it: any job and the sweep's schedule are gone. The worker
      // re-registers the schedule on reconnect; the sweep takes rows pending for longer than this.
      clock.advance(DELIVERY_RULES.outboxResweepAfterMs + 1000);
      await expectAllDeleted(ids, keyIds);
    } finally {
      expect(await violations()).toEqual([]);
    }
  }, 60_000);

  it('a job Redis lost with its data (enqueued, never run) is found again by the outbox sweep', async () => {
    const queue = worker.get<Queue>(getQueueToken(DELETIONS_QUEUE));
    await queue.pause(true); // this worker takes no job, so the one enqueued now only lives in Redis
    try {
      const { ids, keyIds } = await downloadFailingAtCompletion(async () => undefined);
      await eventually(async () => (await queue.getJobs(['waiting'])).filter((job) => job?.name === DELETE_RECORDING_JOB).length === 3, 10_000, 'deletion jobs enqueued');
      await redis.stop();
      await redis.start();
      const left = await queue.getJobs(['waiting', 'delayed', 'active', 'paused']);
      expect(left.filter((job) => job?.name === DELETE_RECORDING_JOB)).toEqual([]); // only the sweeps' schedule, re-registered on reconnect
      await queue.resume(true);
      clock.advance(DELIVERY_RULES.outboxResweepAfterMs + 1000);
      await expectAllDeleted(ids, keyIds);
    } finally {
      await queue.resume(true);
    }
  }, 60_000);

  it('S3 goes away: keys are shredded first, nothing is marked deleted while the object exists, and it completes when S3 is back', async () => {
    const { ids, keyIds } = await downloadFailingAtCompletion(() => s3.stop());
    const violations = watchForEarlyDeletion(ids);
    try {
      // The jobs run and fail on the store (retried with backoff): keys already destroyed, objects still there.
      await eventually(async () => (await keysLeft(keyIds)) === 0, 10_000, 'data keys destroyed');
      await eventually(async () => {
        const failed = await ownerQuery(env.config, `SELECT 1 FROM deletion_outbox WHERE recording_id = ANY($1::uuid[]) AND attempts > 0`, [ids]);
        return failed.length === ids.length;
      }, 10_000, 'a failed attempt on every row');
      const during = await rows(ids);
      expect(during.every((r) => r.status === 'delivered' && s3.holds(r.storage_key) && r.data_key_id === null)).toBe(true);
      await s3.start();
      await expectAllDeleted(ids, keyIds);
    } finally {
      expect(await violations()).toEqual([]);
    }
  }, 60_000);

  it('both at once', async () => {
    const { ids, keyIds } = await downloadFailingAtCompletion(() => Promise.all([redis.stop(), s3.stop()]).then(() => undefined));
    const violations = watchForEarlyDeletion(ids);
    try {
      await sleep(1000);
      expect((await rows(ids)).every((r) => r.status === 'delivered')).toBe(true);
      await redis.start();
      clock.advance(DELIVERY_RULES.outboxResweepAfterMs + 1000);
      await sleep(2000);
      expect((await rows(ids)).some((r) => r.status === 'deleted')).toBe(false);
      await s3.start();
      await expectAllDeleted(ids, keyIds);
    } finally {
      expect(await violations()).toEqual([]);
    }
  }, 90_000);
});
