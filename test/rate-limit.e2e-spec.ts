import { ADMIN, createTestEnvironment, TestEnvironment } from './support/test-environment';
import { startTestApi, TestApi } from './support/test-app';

describe('login rate limit', () => {
  let env: TestEnvironment;
  let api: TestApi;

  beforeAll(async () => {
    env = await createTestEnvironment({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    api = await startTestApi(env.config);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('answers 429 once an address has used its attempts, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) await api.http.post('/auth/login').send({ email: ADMIN.email, password: 'wrong-password-guess' }).expect(401);
    const blocked = await api.http.post('/auth/login').send(ADMIN).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429 });
    // The standard header, not only the library's per-throttler Retry-After-login.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other routes are not throttled by the login limit.
    await api.http.get('/health').expect(200);
  });
});
