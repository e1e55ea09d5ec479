import type { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectStorage } from '#storage';
import { basic, bearer, callWithRecording, createParty, eventually, MiB, Party, postReceipt, requestDownload, sha256, unzip } from './support/deliveries-helpers';
import { NginxProxy } from './support/nginx-proxy';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The same promises through a real buffering reverse proxy (Debian's nginx, default proxy_buffering):
 * nginx takes the whole archive from the API whatever its client reads, so the API's socket finishing
 * says nothing about the client. A cut transfer must still consume nothing; only the receipt does.
 */
describe('deliveries behind a buffering reverse proxy (nginx)', () => {
  let s3: S3Endpoint;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let proxy: NginxProxy;
  let storage: ObjectStorage;
  let party: Party;

  const deliveryStatus = async (id: string) => (await ownerQuery<{ status: string }>(env.config, 'SELECT status FROM deliveries WHERE id = $1', [id]))[0].status;
  const recording = async (id: string) => (await ownerQuery<{ status: string; storage_key: string }>(env.config, 'SELECT status, storage_key FROM recordings WHERE id = $1', [id]))[0];

  async function expectNothingConsumed(deliveryId: string, recordingId: string) {
    expect(['open', 'awaiting_receipt']).toContain(await deliveryStatus(deliveryId));
    const row = await recording(recordingId);
    expect(row.status).toBe('stored');
    expect(await storage.exists(row.storage_key)).toBe(true);
    expect(await ownerQuery(env.config, 'SELECT 1 FROM deletion_outbox WHERE recording_id = $1', [recordingId])).toEqual([]);
  }

  async function delivery(size: number, seed: number) {
    const item = await callWithRecording(api, party, new Date(), size, seed);
    const created = (await api.http.post('/deliveries').set(bearer(party.client)).send({ recordingIds: [item.recordingId] }).expect(201)).body;
    return { item, id: created.id as string, auth: basic(created.id, created.password) };
  }

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    env = await createTestEnvironment(s3.env);
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
    storage = api.app.get(ObjectStorage);
    proxy = await NginxProxy.start((api.app.getHttpServer().address() as AddressInfo).port);
    party = await createParty(api.http, await loginAdmin(api.http), 'Hotel Hairdressers');
  });

  afterAll(async () => {
    await proxy?.stop();
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.stop();
  });

  it('a client that reads nothing and gives up: the proxy took every byte, yet nothing is consumed; a retry through it works', async () => {
    const { item, id, auth } = await delivery(3 * MiB, 201);
    const gaveUp = await requestDownload(proxy.port, id, { authorization: auth, readNothingFor: 1500 });
    expect(gaveUp).toMatchObject({ status: 200, received: 0 });
    // nginx buffered the whole archive: the API saw its transfer complete, which is not a receipt.
    await eventually(async () => (await deliveryStatus(id)) === 'awaiting_receipt', 10_000, 'the API saw its side complete');
    await sleep(1500);
    await expectNothingConsumed(id, item.recordingId);
    const retry = await requestDownload(proxy.port, id, { authorization: auth });
    expect(retry).toMatchObject({ status: 200, aborted: false });
    expect(Number(retry.headers['content-length'])).toBe(retry.body.length);
    expect(sha256((await unzip(retry.body))[0].data)).toBe(item.sha256);
  }, 60_000);

  it('cut at 1 byte and at the last byte through the proxy: nothing consumed; whole archive + receipt through it: deleted', async () => {
    const { item, id, auth } = await delivery(2 * MiB, 202);
    const first = await requestDownload(proxy.port, id, { authorization: auth, cutAfter: 1 });
    expect(first).toMatchObject({ status: 200, aborted: true, received: 1 });
    const length = Number(first.headers['content-length']);
    expect(length).toBeGreaterThan(2 * MiB);
    await sleep(1500);
    await expectNothingConsumed(id, item.recordingId);

    const allButOne = await requestDownload(proxy.port, id, { authorization: auth, cutAfter: length - 1 });
    expect(allButOne).toMatchObject({ status: 200, aborted: true, received: length - 1 });
    await sleep(1500);
    await expectNothingConsumed(id, item.recordingId);

    const whole = await requestDownload(proxy.port, id, { authorization: auth });
    expect(whole).toMatchObject({ status: 200, aborted: false, received: length });
    expect((await postReceipt(proxy.port, id, auth, sha256(Buffer.from('not the archive')))).status).toBe(409);
    await expectNothingConsumed(id, item.recordingId);
    expect(await postReceipt(proxy.port, id, auth, whole.sha256)).toEqual({ status: 200, body: { status: 'consumed' } });
    await eventually(async () => (await recording(item.recordingId)).status === 'deleted', 10_000, 'recording deleted');
    expect(await storage.exists((await recording(item.recordingId)).storage_key)).toBe(false);
  }, 60_000);

  it('HEAD, Range and password-less requests through the proxy consume nothing', async () => {
    const { item, id, auth } = await delivery(64 * 1024, 203);
    expect((await requestDownload(proxy.port, id, { method: 'HEAD', authorization: auth })).status).toBe(200);
    expect((await requestDownload(proxy.port, id, { authorization: auth, headers: { Range: 'bytes=0-99' } })).status).toBe(416);
    expect((await requestDownload(proxy.port, id)).status).toBe(401);
    await sleep(500);
    expect(await deliveryStatus(id)).toBe('open');
    await expectNothingConsumed(id, item.recordingId);
  });
});
