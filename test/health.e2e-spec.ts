import { createServer } from 'node:net';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { loginAdmin, startTestApi, TestApi } from './support/test-app';

/** A port nobody listens on: Redis as it looks when its server is down. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('health when Redis is down', () => {
  let env: TestEnvironment;
  let api: TestApi;

  beforeAll(async () => {
    env = await createTestEnvironment({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    api = await startTestApi(env.config);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('answers 503 naming redis, and only redis, to an admin; status only to anyone else', async () => {
    const anonymous = await api.http.get('/health').expect(503);
    expect(anonymous.body).toEqual({ statusCode: 503, error: 'Service Unavailable', status: 'error' });
    // Signing in still works without Redis: the throttle counts in this process meanwhile.
    const response = await api.http.get('/health').set('Authorization', `Bearer ${await loginAdmin(api.http)}`).expect(503);
    expect(Object.keys(response.body.error)).toEqual(['redis']);
    expect(response.body.error.redis.status).toBe('down');
    expect(response.body.info).toEqual({ postgres: { status: 'up' }, storage: { status: 'up' } });
    // Our words only: no driver message (addresses, ports, paths).
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}/);
  });
});
