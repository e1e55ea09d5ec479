/*
 * npm run bench:deletion — delete on confirmed receipt: time from the client's receipt (POST
 * /deliveries/:id/receipt with the archive's SHA-256, answered 200) to its recording's object gone and
 * data key destroyed. A download alone consumes nothing any more, so the clock starts at the receipt.
 *
 * The API and the worker run in this process (the real ApiModule and WorkerModule, S3 driver, bull on
 * the local Redis) against an s3rver in this process. BENCH_DELETIONS (default 100) deliveries of one
 * recording (BENCH_DELETION_KIB, default 256 KiB) and one message each are downloaded one after the
 * other over HTTP, and each receipt confirmed. For each, the clock starts when the receipt is sent
 * (answered 200 once the delivery is consumed) and stops at the outbox row's completedAt, which the worker writes
 * only after it destroyed the data key, deleted the object and saw the store answer "not found".
 * Prints p50/p90/p99/max (goal p50 < 1 s, p99 < 2 s), then checks every object and key really is gone.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectStorage } from '#storage';
import { basic, bearer, callWithRecording, createParty, KiB, postReceipt, requestDownload } from '../test/support/deliveries-helpers';
import { startS3Endpoint } from '../test/support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from '../test/support/test-environment';
import { loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from '../test/support/test-app';

const COUNT = Number(process.env.BENCH_DELETIONS ?? 100);
const SIZE = Number(process.env.BENCH_DELETION_KIB ?? 256) * KiB;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const s3 = await startS3Endpoint('callvault-bench');
  let env: TestEnvironment | undefined;
  let api: TestApi | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
    const party = await createParty(api.http, await loginAdmin(api.http), 'Bench Answering Co');

    const items = [];
    for (let i = 0; i < COUNT; i++) items.push(await callWithRecording(api, party, new Date(), SIZE, (i % 250) + 1));
    const keys = await ownerQuery<{ id: string; storage_key: string; data_key_id: string }>(env.config, 'SELECT id, storage_key, data_key_id FROM recordings WHERE id = ANY($1::uuid[])', [items.map((i) => i.recordingId)]);

    const confirmed = new Map<string, number>();
    const started = Date.now();
    for (const item of items) {
      const created = (await api.http.post('/deliveries').set(bearer(party.client)).send({ recordingIds: [item.recordingId], messageIds: [item.messageId] }).expect(201)).body;
      const res = await requestDownload(api, created.id, { authorization: basic(created.id, created.password), discardBody: true });
      if (res.status !== 200 || res.aborted) throw new Error(`download answered ${res.status}${res.aborted ? ' (cut)' : ''}`);
      const receiptSent = Date.now();
      const receipt = await postReceipt(api, created.id, basic(created.id, created.password), res.sha256);
      if (receipt.status !== 200) throw new Error(`receipt answered ${receipt.status}`);
      confirmed.set(item.recordingId, receiptSent);
    }
    const downloadSeconds = (Date.now() - started) / 1000;

    const ids = items.map((i) => i.recordingId);
    const deadline = Date.now() + 60_000;
    let done: { recording_id: string; completed_at: Date }[] = [];
    for (;;) {
      done = await ownerQuery(env.config, `SELECT recording_id, completed_at FROM deletion_outbox WHERE recording_id = ANY($1::uuid[]) AND status = 'done'`, [ids]);
      if (done.length === ids.length) break;
      if (Date.now() > deadline) throw new Error(`only ${done.length} of ${ids.length} recordings deleted after 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const latencies = done.map((row) => new Date(row.completed_at).getTime() - confirmed.get(row.recording_id)!).sort((x, y) => x - y);

    // Check it, rather than trust the outbox: every object gone, every key destroyed, every row deleted.
    const storage = api.app.get(ObjectStorage);
    for (const key of keys) if (await storage.exists(key.storage_key)) throw new Error(`object of ${key.id} still exists`);
    const [{ n: keysLeft }] = await ownerQuery<{ n: string }>(env.config, 'SELECT count(*) AS n FROM data_keys WHERE id = ANY($1::uuid[])', [keys.map((k) => k.data_key_id)]);
    const [{ n: notDeleted }] = await ownerQuery<{ n: string }>(env.config, `SELECT count(*) AS n FROM recordings WHERE id = ANY($1::uuid[]) AND status <> 'deleted'`, [ids]);
    if (Number(keysLeft) || Number(notDeleted)) throw new Error(`${keysLeft} data keys left, ${notDeleted} recordings not marked deleted`);

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    console.log(`deliveries downloaded + receipts: ${COUNT} x (1 recording of ${SIZE / KiB} KiB + 1 message) in ${downloadSeconds.toFixed(1)} s, one after the other`);
    console.log(`receipt sent -> object gone and key destroyed: p50 ${p50} ms, p90 ${percentile(latencies, 90)} ms, p99 ${p99} ms, max ${latencies[latencies.length - 1]} ms, min ${latencies[0]} ms`);
    console.log(`goal p50 < 1000 ms ${p50 < 1000 ? 'OK' : 'ABOVE GOAL'}; goal p99 < 2000 ms ${p99 < 2000 ? 'OK' : 'ABOVE GOAL'}`);
    console.log(`verified after the run:      ${keys.length} objects gone (HeadObject 404), 0 data keys left, ${COUNT} recordings status deleted`);
  } finally {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
