import type { Browser } from 'playwright-core';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { createClientWithUsers, loginAdmin, startTestApi, TestApi } from '../support/test-app';
import {
  assertPortalBuilt,
  baseUrlOf,
  launchChromium,
  newPortalContext,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  watchPageErrors,
} from '../support/portal-browser';

const PASSWORD = 'a-long-test-password';
const cookieOf = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().find((c) => c.startsWith('callvault_session='));

describe('portal foundation: served at /, cookie sessions, Origin checks, CSP, sign-in in Chromium', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let client: Awaited<ReturnType<typeof createClientWithUsers>>;

  beforeAll(async () => {
    assertPortalBuilt();
    env = await createTestEnvironment({ TRUST_PROXY: 'loopback', PORTAL_ORIGINS: 'https://portal.example.test' });
    api = await startTestApi(env.config);
    base = baseUrlOf(api);
    client = await createClientWithUsers(api.http, await loginAdmin(api.http));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await env?.destroy();
  });

  describe('the session cookie', () => {
    it('is httpOnly and SameSite=Strict, carries no token in the body, and is Secure only over TLS (behind a trusted proxy)', async () => {
      const plain = await api.http.post('/auth/session').send({ email: client.clientUser.email, password: PASSWORD }).expect(200);
      const cookie = cookieOf(plain.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);
      expect(plain.body.user).toEqual({ id: expect.any(String), role: 'client', clientId: client.clientId });
      expect(JSON.stringify(plain.body)).not.toMatch(/eyJ/); // no JWT in the body

      const overTls = await api.http.post('/auth/session').set('X-Forwarded-Proto', 'https').send({ email: client.clientUser.email, password: PASSWORD }).expect(200);
      expect(cookieOf(overTls.headers['set-cookie'])).toMatch(/; Secure/);
    });

    it('authenticates /auth/me and API reads; a wrong password sets no cookie; ending the session clears it', async () => {
      const wrong = await api.http.post('/auth/session').send({ email: client.clientUser.email, password: 'not-the-password' }).expect(401);
      expect(cookieOf(wrong.headers['set-cookie'])).toBeUndefined();

      const started = await api.http.post('/auth/session').send({ email: client.clientUser.email, password: PASSWORD }).expect(200);
      const cookie = cookieOf(started.headers['set-cookie'])!.split(';')[0];
      const me = await api.http.get('/auth/me').set('Cookie', cookie).expect(200);
      expect(me.body).toEqual({ id: started.body.user.id, role: 'client', clientId: client.clientId });
      await api.http.get('/messages').set('Cookie', cookie).expect(200);
      await api.http.get('/auth/me').expect(401);

      const ended = await api.http.post('/auth/session/end').set('Cookie', cookie).set('Origin', base).expect(204);
      expect(cookieOf(ended.headers['set-cookie'])).toMatch(/callvault_session=;.*Expires=Thu, 01 Jan 1970/);
      // Signing out ends the session itself: the token the cookie carried no longer works anywhere.
      await api.http.get('/messages').set('Cookie', cookie).expect(401);
      await api.http.get('/messages').set('Authorization', `Bearer ${cookie.split('=')[1]}`).expect(401);
    });

    it('refuses cookie-authenticated unsafe requests without a matching Origin; bearer tokens need none', async () => {
      const started = await api.http.post('/auth/session').send({ email: client.clientUser.email, password: PASSWORD }).expect(200);
      const cookie = cookieOf(started.headers['set-cookie'])!.split(';')[0];
      const noOrigin = await api.http.post('/deliveries').set('Cookie', cookie).send({}).expect(403);
      expect(noOrigin.body.code).toBe('origin_refused');
      await api.http.post('/deliveries').set('Cookie', cookie).set('Origin', 'https://evil.example').send({}).expect(403);
      // Same host, or a configured origin: the request reaches the route (nothing to deliver yet: 409).
      const host = new URL(base).host;
      await api.http.post('/deliveries').set('Cookie', cookie).set('Host', host).set('Origin', base).send({}).expect(409);
      await api.http.post('/deliveries').set('Cookie', cookie).set('Origin', 'https://portal.example.test').send({}).expect(409);
      await api.http.post('/deliveries').set('Authorization', `Bearer ${client.clientUser.token}`).send({}).expect(409);
      // Reads never need an Origin.
      await api.http.get('/deliveries').set('Cookie', cookie).expect(200);
    });
  });

  describe('serving the portal', () => {
    it('serves the app at / and its pages with a strict CSP, while API paths, unknown paths and /docs keep their answers', async () => {
      for (const path of ['/', '/portal', '/portal/inbox']) {
        const page = await api.http.get(path).expect(200);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.text).toContain('<div id="root">');
        const csp = page.headers['content-security-policy'];
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      }
      const script = /src="(\/assets\/[^"]+\.js)"/.exec((await api.http.get('/').expect(200)).text)![1];
      const asset = await api.http.get(script).expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['cache-control']).toMatch(/immutable/);

      await api.http.get('/messages').expect(401).expect('Content-Type', /json/);
      const unknown = await api.http.get('/no-such-route').expect(404).expect('Content-Type', /json/);
      expect(unknown.body.statusCode).toBe(404);
      await api.http.get('/assets/missing.js').expect(404).expect('Content-Type', /json/);
      await api.http.get('/assets/..%2f..%2fpackage.json').expect(404);
      await api.http.get('/docs').expect(200);
    });
  });

  describe('in Chromium', () => {
    it('a signed-out browser gets the sign-in page (accessible, no data), and the API answers it 401', async () => {
      const context = await newPortalContext(browser, base);
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto('/portal/inbox');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.getByLabel('Email').isVisible()).toBe(true);
      expect(await page.getByLabel('Password', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in');
      const status = await page.evaluate(async () => (await fetch('/messages')).status);
      expect(status).toBe(401);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('signs in by keyboard alone, keeps the session across a reload out of JavaScript\'s reach, and signs out', async () => {
      const context = await newPortalContext(browser, base);
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto('/');
      await page.getByLabel('Email').waitFor();
      // A wrong password first: told so, still signed out.
      await page.getByLabel('Email').fill(client.clientUser.email);
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-here');
      await page.keyboard.press('Enter');
      await page.getByText('Email or password is wrong.').waitFor();

      await page.getByLabel('Email').fill('');
      await page.getByLabel('Email').focus();
      await page.keyboard.type(client.clientUser.email);
      await page.keyboard.press('Tab');
      await page.getByLabel('Password', { exact: true }).fill('');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/portal/inbox');

      expect(await page.evaluate('document.cookie')).toBe('');
      const [session] = (await context.cookies()).filter((c) => c.name === 'callvault_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

      await page.reload();
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Deliveries' }).click();
      await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/portal/deliveries');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect((await context.cookies()).filter((c) => c.name === 'callvault_session')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a role with no pages yet sees a plain notice, not another role\'s pages', async () => {
      const context = await newPortalContext(browser, base);
      const page = await context.newPage();
      await signIn(page, client.agent.email, PASSWORD);
      expect(await page.getByRole('link', { name: 'Inbox' }).count()).toBe(0);
      await page.goto('/portal/inbox');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Inbox' }).count()).toBe(0);
      await context.close();
    });
  });
});
