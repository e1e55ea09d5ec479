import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { wavBytes } from '../support/audio';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { createClientWithUsers, login, loginAdmin, startTestApi, startTestWorker, TestApi } from '../support/test-app';
import { assertPortalBuilt, baseUrlOf, launchChromium, newPortalContext, screenshot, seriousAccessibilityViolations, signIn, watchPageErrors } from '../support/portal-browser';

const PASSWORD = 'a-long-test-password';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A client business's day in the portal, in real Chromium against the real API and worker: read a
 * logged message, deliver, download, verify, see the recording deleted, read the access trail,
 * answer a forwarded request; and never another client's data.
 */
describe('portal: the client business pages in Chromium', () => {
  jest.setTimeout(90_000);
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let adminToken: string;
  let acme: Awaited<ReturnType<typeof createClientWithUsers>>;
  let other: Awaited<ReturnType<typeof createClientWithUsers>>;
  let downloads: string;
  const ids: { urgentMessage?: string; otherMessage?: string; recording?: string } = {};

  /** An agent logs a call and its message (and optionally uploads the recording) through the capture API. */
  async function logCall(client: typeof acme, message: Record<string, unknown>, withRecording = false) {
    const call = await api.http.post('/calls').set(bearer(client.agent.token)).send({ clientId: client.clientId, callerNumber: String(message.callerPhone), startedAt: new Date().toISOString() }).expect(201);
    const created = await api.http.post(`/calls/${call.body.id}/messages`).set(bearer(client.agent.token)).send(message).expect(201);
    let recordingId: string | undefined;
    if (withRecording) {
      const upload = await api.http.put(`/calls/${call.body.id}/recording`).set(bearer(client.agent.token)).set('Content-Type', 'audio/wav').send(wavBytes(64 * 1024)).expect(201);
      recordingId = upload.body.id;
    }
    return { messageId: created.body.id as string, recordingId };
  }

  beforeAll(async () => {
    assertPortalBuilt();
    env = await createTestEnvironment();
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
    adminToken = await loginAdmin(api.http);
    acme = await createClientWithUsers(api.http, adminToken, 'Acme Plumbing');
    other = await createClientWithUsers(api.http, adminToken, 'Other Dental');
    await api.http
      .post(`/clients/${acme.clientId}/instructions`)
      .set(bearer(adminToken))
      .send({ intakeFields: [{ name: 'boiler_model', type: 'string', required: false }] })
      .expect(201);
    await logCall(acme, { callerName: 'Nora Quiet', callerPhone: '+44 20 7946 0001', body: 'Please send a brochure.' });
    const urgent = await logCall(
      acme,
      { callerName: 'Harriet Flood', callerPhone: '+44 7700 900123', body: 'Water coming through the ceiling.', urgency: 'urgent', callbackRequested: true, customFields: { boiler_model: 'Vaillant ecoTEC' } },
      true,
    );
    ids.urgentMessage = urgent.messageId;
    ids.recording = urgent.recordingId;
    ids.otherMessage = (await logCall(other, { callerName: 'Oscar Elsewhere', callerPhone: '+44 161 496 0000', body: 'Other client only.' })).messageId;
    downloads = mkdtempSync(join(tmpdir(), 'portal-downloads-'));

    browser = await launchChromium();
    context = await newPortalContext(browser, baseUrlOf(api));
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    await signIn(page, acme.clientUser.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await env?.destroy();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('shows the logged messages newest first, urgent and callback marked, with the intake fields; marks one read and actioned', async () => {
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const cards = page.getByRole('listitem', { name: /^Message from / });
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const urgent = cards.first();
    expect(await urgent.getAttribute('aria-label')).toBe('Message from Harriet Flood'); // newest first
    await urgent.getByText('Urgent', { exact: true }).waitFor();
    await urgent.getByText('Callback requested').waitFor();
    await urgent.getByText('Vaillant ecoTEC').waitFor();
    await urgent.getByText('Boiler model').waitFor();
    await page.getByText('2 unread').waitFor();
    await page.getByText('1 urgent unread').waitFor();
    // Dates in UK English and UK time: "1 Dec 2026, 21:04"-style.
    expect(await urgent.locator('time').innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'inbox');

    await urgent.getByRole('button', { name: 'Mark read' }).click();
    await page.getByText('1 unread').waitFor();
    await urgent.getByText('Read', { exact: true }).waitFor();
    await urgent.getByRole('button', { name: 'Mark actioned' }).click();
    await urgent.getByText('Actioned', { exact: true }).waitFor();

    const audit = await api.http.get('/audit').query({ clientId: acme.clientId, action: 'message.mark_actioned' }).set(bearer(adminToken)).expect(200);
    expect(audit.body.map((e: { subjectId: string }) => e.subjectId)).toEqual([ids.urgentMessage]);
  });

  it('filters urgent messages and searches by caller name or number (digits, however spaced)', async () => {
    await page.getByLabel('Urgent only').check();
    await page.getByRole('listitem', { name: 'Message from Nora Quiet' }).waitFor({ state: 'detached' });
    await page.getByRole('listitem', { name: 'Message from Harriet Flood' }).waitFor();
    expect(await page.getByRole('listitem', { name: /^Message from / }).count()).toBe(1);
    await page.getByLabel('Urgent only').uncheck();
    await page.getByLabel('Search by caller name or number').fill('7946 0001');
    await page.getByRole('listitem', { name: 'Message from Harriet Flood' }).waitFor({ state: 'detached' });
    await page.getByRole('listitem', { name: 'Message from Nora Quiet' }).waitFor();
    await page.getByLabel('Search by caller name or number').fill('harriet');
    await page.getByRole('listitem', { name: 'Message from Harriet Flood' }).waitFor();
    expect(await page.getByRole('listitem', { name: /^Message from / }).count()).toBe(1);
    await page.getByLabel('Search by caller name or number').fill('');
  });

  it('never shows another client\'s data: its message is not listed and cannot be marked through the session', async () => {
    await page.getByRole('listitem', { name: 'Message from Nora Quiet' }).waitFor();
    expect(await page.getByText('Oscar Elsewhere').count()).toBe(0);
    const status = await page.evaluate(async (id) => (await fetch(`/messages/${id}/read`, { method: 'POST' })).status, ids.otherMessage);
    expect(status).toBe(404);
    const listed = await page.evaluate(async (clientId) => (await fetch(`/messages?clientId=${clientId}`)).status, other.clientId);
    expect(listed).toBe(404);
  });

  it('creates a delivery (password shown once, with copy), downloads it through the browser, verifies it, and sees the recording deleted', async () => {
    await page.getByRole('link', { name: 'Recordings' }).click();
    await page.getByRole('heading', { name: 'Recordings', level: 1 }).waitFor();
    await page.getByText('Stored', { exact: true }).waitFor();
    await screenshot(page, 'recordings-stored');

    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('button', { name: 'Deliver everything not yet delivered' }).click();
    await page.getByText('One-time password: shown this once').waitFor();
    const password = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'Copy password' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'delivery-created');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download ZIP' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^callvault-delivery-.+\.zip$/);
    const saved = join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The receipt route (POST /deliveries/:id/receipt) lands with the confirmed-receipt work; verify through it when present.
    const document = await api.http.get('/docs-json').expect(200);
    if (document.body.paths['/deliveries/{deliveryId}/receipt']) {
      await page.getByLabel('Saved ZIP file').setInputFiles(saved);
      await page.getByText('Receipt confirmed').waitFor({ timeout: 20_000 });
      const digest = createHash('sha256').update(bytes).digest('hex');
      expect(await page.getByText(`SHA-256 ${digest.slice(0, 16)}`).count()).toBe(1);
      expect(await page.getByRole('progressbar', { name: 'Verification progress' }).getAttribute('aria-valuenow')).toBe('100');
    }
    await screenshot(page, 'delivery-download');

    await page.getByRole('link', { name: 'Recordings' }).click();
    // The recording's status badge (the table also has a 'Deleted' column heading).
    const deleted = page.getByRole('cell').getByText('Deleted', { exact: true });
    for (let attempt = 0; attempt < 30 && !(await deleted.count()); attempt++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { name: 'Recordings', level: 1 }).waitFor();
      await page.getByRole('table', { name: 'Recordings' }).waitFor();
    }
    expect(await deleted.count()).toBe(1);
    await screenshot(page, 'recordings-deleted');
    expect(await page.locator('audio, video').count()).toBe(0);
  });

  it('reads the access trail of its own data, with the chain status, filters and CSV export', async () => {
    await api.http.get('/audit/verify').set(bearer(adminToken)).expect(200);
    await page.getByRole('link', { name: 'Access trail' }).click();
    await page.getByRole('heading', { name: 'Access trail', level: 1 }).waitFor();
    await page.getByText(/^Chain verified intact /).waitFor();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.waitFor();
    await table.getByText('message.mark_read').first().waitFor();
    await table.getByText('delivery.create').first().waitFor();
    await screenshot(page, 'access-trail');

    await page.getByLabel('Action').fill('message.mark_read');
    await table.getByText('delivery.create').first().waitFor({ state: 'detached' });
    expect(await table.locator('tbody tr').count()).toBe(1);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^seq,occurredAt,actorId/);
    expect(text).toContain('message.mark_read');
    expect(text).not.toContain(other.clientId);
  });

  it('answers a data subject request the operator forwarded, before its deadline', async () => {
    const dpoEmail = 'dpo.portal@callvault.test';
    await api.http.post('/users').set(bearer(adminToken)).send({ email: dpoEmail, password: PASSWORD, role: 'dpo' }).expect(201);
    const dpoToken = await login(api.http, dpoEmail, PASSWORD);
    const created = await api.http.post('/dsr').set(bearer(dpoToken)).send({ type: 'restriction', subject: { phone: '+44 20 7946 0001' } }).expect(201);

    await page.getByRole('link', { name: 'Requests' }).click();
    const card = page.getByRole('listitem', { name: 'Restriction request' });
    await card.waitFor();
    await card.getByText(/^Due \d{1,2} [A-Z][a-z]{2} \d{4}/).waitFor();
    await card.getByText('Awaiting client').waitFor();
    await screenshot(page, 'requests');
    await card.getByLabel('Your answer').selectOption('restrict');
    await card.getByRole('button', { name: 'Send answer' }).click();
    await card.getByText(/^Your answer: Restrict/).waitFor();

    const seen = await api.http.get(`/dsr/${created.body.id}`).set(bearer(dpoToken)).expect(200);
    expect(seen.body.forwards[0]).toMatchObject({ clientId: acme.clientId, status: 'answered', lastInstruction: 'restrict' });
  });
});
