import { request } from 'node:http';
import { NginxProxy } from './support/nginx-proxy';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { startTestApi, TestApi } from './support/test-app';

/** A sign-in attempt from a chosen local address (the whole of 127.0.0.0/8 is this machine). */
function signIn(port: number, from: string, headers: Record<string, string> = {}): Promise<number> {
  const body = JSON.stringify({ email: `someone.${Math.random().toString(36).slice(2, 10)}@example.test`, password: 'wrong-password-guess' });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('behind a proxy: X-Forwarded-For is honoured only from a trusted hop', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let proxy: NginxProxy;
  let apiPort: number;

  beforeAll(async () => {
    // Only the proxy's own address is trusted; every other local address is a client.
    env = await createTestEnvironment({ TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    api = await startTestApi(env.config);
    apiPort = (api.app.getHttpServer().address() as { port: number }).port;
    // nginx as the TLS-terminating proxy the README recommends, minus TLS: it appends the client's address.
    proxy = await NginxProxy.start(apiPort, { forwardedFor: true });
  });

  afterAll(async () => {
    await proxy?.stop();
    await api?.close();
    await env?.destroy();
  });

  it('counts each client behind the proxy on its own, and a client cannot name its own address', async () => {
    // Client .2 through the proxy uses its two attempts.
    expect([await signIn(proxy.port, '127.0.0.2'), await signIn(proxy.port, '127.0.0.2'), await signIn(proxy.port, '127.0.0.2')]).toEqual([401, 401, 429]);
    // Client .3 behind the same proxy is not in .2's bucket (without TRUST_PROXY everyone would share the proxy's).
    expect(await signIn(proxy.port, '127.0.0.3')).toBe(401);
    // .2 claiming another address: nginx appends the real one, and only that hop is believed.
    expect(await signIn(proxy.port, '127.0.0.2', { 'X-Forwarded-For': '198.51.100.77' })).toBe(429);
  });

  it('ignores X-Forwarded-For from a hop that is not trusted', async () => {
    // Straight to the API from .4: the header names a fresh address, but .4 is not a trusted proxy.
    const spoofed = { 'X-Forwarded-For': '198.51.100.88' };
    expect([await signIn(apiPort, '127.0.0.4', spoofed), await signIn(apiPort, '127.0.0.4', spoofed), await signIn(apiPort, '127.0.0.4', { 'X-Forwarded-For': '198.51.100.89' })]).toEqual([401, 401, 429]);
    // And .2, already out of attempts, gains nothing by going around the proxy with a made-up address.
    expect(await signIn(apiPort, '127.0.0.2', { 'X-Forwarded-For': '198.51.100.90' })).toBe(429);
  });
});
