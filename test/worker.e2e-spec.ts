import { INestApplicationContext } from '@nestjs/common';
import { AuditVerificationScheduler } from '#audit';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { startTestApi, startTestWorker, TestApi } from './support/test-app';

describe('worker', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
  });

  it('runs a job enqueued by the API through Redis and hands back its result', async () => {
    const result = await api.app.get(AuditVerificationScheduler).verifyNow();
    expect(result).toMatchObject({ ok: true, head: { seq: expect.any(String) } });
    expect(result.events).toBeGreaterThanOrEqual(1);
  });
});
