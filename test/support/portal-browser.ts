import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApi } from './test-app';

/** Debian's Chromium (no browser download works here); flags keep its start quick and quiet. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'portal');
export const PORTAL_DIST = join(__dirname, '..', '..', 'apps', 'web', 'dist');

/** The portal suites need the built portal (npm test builds it before jest runs). */
export function assertPortalBuilt(): void {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) throw new Error('apps/web/dist is missing: run `npm run build:web` before the portal suites');
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** The base URL of a test API listening on its free port. */
export const baseUrlOf = (api: TestApi) => `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;

/** A fresh browser profile (no cookies) pointed at the API, in UK English and UK time. */
export async function newPortalContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Signs in through the sign-in page, the way a person does. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** axe's serious and critical findings on the page as it stands (an empty list passes). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Collects Content-Security-Policy violations and uncaught errors the page reports. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
