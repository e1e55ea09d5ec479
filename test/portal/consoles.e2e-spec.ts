import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { wavBytes } from '../support/audio';
import { ADMIN, createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { login, loginAdmin, startTestApi, TestApi } from '../support/test-app';
import { assertPortalBuilt, baseUrlOf, launchChromium, newPortalContext, screenshot, seriousAccessibilityViolations, signIn, watchPageErrors } from '../support/portal-browser';

const PASSWORD = 'a-long-test-password';
const MiB = 1024 * 1024;
/** Caller content the agent types: it must never appear on an admin page. */
const CALLER = { name: 'Zebedee Quartermaine', number: '+44 20 7946 0991', body: 'Quokka pipes burst in the cellar' };

/**
 * The agent, admin and DPO consoles driven in Chromium against the real API on a fresh database: each
 * role's flow, the role boundaries in the UI and the API, axe on every page, screenshots of each.
 */
// Five flows of many steps each, on a shared two-core machine.
jest.setTimeout(240_000);

describe('consoles in Chromium: agent, admin, DPO', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let adminToken: string;
  const agent = { email: 'desk.agent@example.test', password: PASSWORD, id: '' };
  const dpo = { email: 'the.dpo@example.test', password: PASSWORD };
  const clientUser = { email: 'owner@hartley.example', password: PASSWORD };
  let clientId = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const auth = () => ({ Authorization: `Bearer ${adminToken}` });

  async function open(email: string, password: string): Promise<Page> {
    const context = await newPortalContext(browser, base);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(...watchPageErrors(page));
    await signIn(page, email, password);
    return page;
  }

  /** A page in its settled state: its h1, no serious or critical axe finding, a screenshot. */
  async function check(page: Page, heading: string, shot: string): Promise<void> {
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, shot);
  }

  /**
   * With a drawer or dialog open, the page behind it sits under a dimming overlay that axe blends into
   * the background but not into the text: check what the reader can reach, the dialog.
   */
  async function dialogViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const goTo = async (page: Page, label: string) => {
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: label, exact: true }).click();
    // Away from the link: a hovered link is not how a reader sees the page.
    await page.mouse.move(900, 5);
  };

  beforeAll(async () => {
    assertPortalBuilt();
    // A small upload limit so "too big" is quick to show.
    env = await createTestEnvironment({ RECORDING_MAX_BYTES: String(4 * MiB) });
    api = await startTestApi(env.config);
    base = baseUrlOf(api);
    adminToken = await loginAdmin(api.http);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
    await env?.destroy();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('the admin creates a client with an intake field, an agent and an ingest key, then finds them in the audit view with the chain verified', async () => {
    const page = await open(ADMIN.email, ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/portal/admin/clients');
    await check(page, 'Clients', 'admin-clients');

    await page.getByRole('button', { name: 'New client' }).click();
    const form = page.getByRole('region', { name: 'New client' });
    await form.getByLabel('Business name').fill('Hartley Plumbing');
    await form.getByLabel('Contact name').fill('Ann Hartley');
    await form.getByLabel('Greeting').fill('Hartley Plumbing, good morning, how can I help?');
    await form.getByRole('button', { name: 'Add intake field' }).click();
    await form.getByLabel('Field 1 name').fill('account_number');
    await form.getByLabel('Field 1 label').fill('Account number');
    await form.getByLabel('Required').check();
    await check(page, 'Clients', 'admin-new-client');
    await form.getByRole('button', { name: 'Create client' }).click();

    const drawer = page.getByRole('dialog', { name: 'Client: Hartley Plumbing' });
    await drawer.getByRole('heading', { name: 'Version history' }).waitFor();
    await drawer.getByRole('cell', { name: 'account_number*' }).waitFor();
    await drawer.getByLabel('Key label').fill('Office PBX');
    await drawer.getByRole('button', { name: 'Create ingest key' }).click();
    await expect(drawer.getByTestId('issued-ingest-key').textContent()).resolves.toMatch(/^cvik_[0-9a-f]{32}_/);
    await drawer.getByRole('cell', { name: 'Office PBX', exact: true }).waitFor();
    expect(await dialogViolations(page)).toEqual([]);
    await screenshot(page, 'admin-client-detail');
    await page.keyboard.press('Escape');

    const clients = await api.http.get('/clients').set(auth()).expect(200);
    clientId = clients.body.find((c: { name: string }) => c.name === 'Hartley Plumbing').id;

    await goTo(page, 'Users');
    await check(page, 'Users', 'admin-users');
    const newUser = page.getByRole('region', { name: 'New user' });
    await newUser.getByLabel('User email').fill(agent.email);
    await newUser.getByLabel('Initial password').fill(agent.password);
    await newUser.getByLabel('Role').selectOption('agent');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await newUser.getByText(`User ${agent.email} created.`).waitFor();
    await page.getByRole('cell', { name: agent.email, exact: true }).waitFor();
    const users = await api.http.get('/users').set(auth()).expect(200);
    agent.id = users.body.find((u: { email: string }) => u.email === agent.email).id;

    // The agent serves Hartley only: chosen in the user's drawer.
    await page.getByRole('button', { name: `Manage ${agent.email}` }).click();
    const userDrawer = page.getByRole('dialog', { name: `User: ${agent.email}` });
    await userDrawer.getByLabel('Restrict to these clients').click();
    await page.getByRole('option', { name: 'Hartley Plumbing' }).click();
    await userDrawer.getByRole('heading', { name: 'Clients served' }).click(); // closes the options list
    await userDrawer.getByRole('button', { name: 'Save assignment' }).click();
    await userDrawer.getByText('Assignment saved.').waitFor();
    await expect(api.http.get(`/users/${agent.id}/clients`).set(auth()).then((r) => r.body)).resolves.toEqual({ clientIds: [clientId] });
    await page.keyboard.press('Escape');

    await goTo(page, 'Audit trail');
    await check(page, 'Audit trail', 'admin-audit');
    await expect(page.getByTestId('chain-status').textContent()).resolves.toMatch(/Chain verified.*events checked.*Head #\d+: [0-9a-f]{64}/s);
    for (const action of ['client.create', 'user.create', 'ingest_key.issue', 'agent.assignments.set']) {
      await page.getByLabel('Action').fill(action);
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    const csvLink = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvLink).toMatch(/^\/audit\/export\.csv\?.*action=agent\.assignments\.set/);
    const csv = await page.request.get(csvLink!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('agent.assignments.set');
  });

  it('the agent logs a call with the required field (the form and the server refuse it when missing), uploads a recording with progress and retry, and corrects the message', async () => {
    const page = await open(agent.email, agent.password);
    expect(new URL(page.url()).pathname).toBe('/portal/agent');
    await check(page, 'Log a call', 'agent-desk');

    // Keyboard first: type in the search, Enter picks the client, the form opens on the caller's number.
    await page.getByLabel('Find a client').fill('hart');
    await page.getByRole('navigation', { name: 'Clients you serve' }).getByRole('button', { name: 'Hartley Plumbing' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Find a client').press('Enter');
    await page.getByText('Hartley Plumbing, good morning, how can I help?').waitFor();
    await page.getByText('Account number (text) — required').waitFor();
    await expect(page.evaluate('document.activeElement && document.activeElement.labels && document.activeElement.labels[0].textContent')).resolves.toContain("Caller's number");
    await page.keyboard.type(CALLER.number);
    await page.getByLabel("Caller's name").fill(CALLER.name);
    await page.getByLabel('Message').fill(CALLER.body);
    await page.getByLabel('Urgent').check();
    await page.getByLabel('Message').press('Control+Enter');
    // The shared rules name the missing field exactly as the API would.
    await page.getByText('customFields.account_number is required').waitFor();
    await check(page, 'Log a call', 'agent-missing-field');

    // The client's script gains a required field while the form is open: the server refuses, and says why.
    await api.http
      .post(`/clients/${clientId}/instructions`)
      .set(auth())
      .send({ intakeFields: [{ name: 'account_number', label: 'Account number', type: 'string', required: true }, { name: 'postcode', label: 'Postcode', type: 'string', required: true }] })
      .expect(201);
    await page.getByLabel('Account number').fill('HP-1001');
    await page.getByLabel('Account number').press('Control+Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.getByText('customFields.postcode is required').waitFor();

    // Reading the script again (a reload: a new form, so a new call) shows the new field; the same keystroke saves.
    // The refused attempt's call stays logged: it was answered, only its message was refused.
    await page.reload();
    await page.getByLabel('Find a client').fill('hart');
    await page.getByRole('navigation', { name: 'Clients you serve' }).getByRole('button', { name: 'Hartley Plumbing' }).click();
    await page.getByLabel("Caller's number").fill(CALLER.number);
    await page.getByLabel("Caller's name").fill(CALLER.name);
    await page.getByLabel('Message').fill(CALLER.body);
    await page.getByLabel('Account number').fill('HP-1001');
    await page.getByLabel('Postcode').fill('LS1 4AP');
    await page.getByLabel('Postcode').press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Call saved' }).waitFor();
    const agentToken = await login(api.http, agent.email, agent.password);
    const messages = await api.http.get('/messages').set('Authorization', `Bearer ${agentToken}`).expect(200);
    expect(messages.body).toHaveLength(1);
    expect(messages.body[0]).toMatchObject({ callerName: CALLER.name, customFields: { account_number: 'HP-1001', postcode: 'LS1 4AP' }, urgency: 'normal' });
    await check(page, 'Log a call', 'agent-saved');

    // Wrong type and too big are refused before anything is sent.
    const file = page.locator('input[type=file]');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio') });
    await page.getByText('notes.txt is not a recording this service accepts').waitFor();
    await file.setInputFiles({ name: 'long.wav', mimeType: 'audio/wav', buffer: wavBytes(5 * MiB) });
    await page.getByText('long.wav is 5.0 MB; the limit is 4.0 MB.').waitFor();

    // A network failure offers a retry; the retry, throttled, shows its progress and stores the recording.
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await file.setInputFiles({ name: 'call.wav', mimeType: 'audio/wav', buffer: wavBytes(2 * MiB) });
    await page.getByText('The connection failed before the recording was stored.').waitFor();
    await screenshot(page, 'agent-upload-failed');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await page.getByRole('button', { name: 'Retry upload' }).click();
    const progress = page.getByRole('progressbar', { name: 'Upload progress' });
    await progress.waitFor();
    await screenshot(page, 'agent-upload-progress');
    await page.getByRole('status').filter({ hasText: 'Recording stored' }).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const recordings = await api.http.get('/recordings').set('Authorization', `Bearer ${agentToken}`).expect(200);
    expect(recordings.body).toEqual([expect.objectContaining({ callId: messages.body[0].callId, status: 'stored', size: 2 * MiB })]);
    await screenshot(page, 'agent-upload-stored');

    // What the agent logged, within its window, and a correction.
    await goTo(page, 'My recent work');
    await check(page, 'My recent work', 'agent-recent');
    await page.getByRole('button', { name: `Correct the message from ${CALLER.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct a message' });
    await dialog.getByLabel('Urgent').check();
    expect(await dialogViolations(page)).toEqual([]);
    await screenshot(page, 'agent-correction');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await page.getByText('Corrected', { exact: true }).waitFor();
    const corrected = await api.http.get('/messages').set('Authorization', `Bearer ${agentToken}`).expect(200);
    expect(corrected.body[0]).toMatchObject({ urgency: 'urgent', correctedAt: expect.any(String) });
  });

  it('the DPO opens break-glass with a reason (countdown, closed early) and the client sees it in its trail; requests, breaches and sub-processors pages work', async () => {
    await api.http.post('/users').set(auth()).send({ ...dpo, role: 'dpo' }).expect(201);
    await api.http.post('/users').set(auth()).send({ ...clientUser, role: 'client', clientId }).expect(201);
    const page = await open(dpo.email, dpo.password);
    expect(new URL(page.url()).pathname).toBe('/portal/dpo/requests');
    await check(page, 'Data subject requests', 'dpo-requests');
    const request = page.getByRole('region', { name: 'Record a request' });
    await request.getByLabel('Request type').selectOption('access');
    await request.getByLabel("Person's email").fill('someone@example.test');
    await request.getByRole('button', { name: 'Record request' }).click();
    await page.getByRole('cell', { name: 'access', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Open the access request/ }).click();
    await page.getByRole('dialog', { name: 'Request: access' }).getByRole('heading', { name: 'Operator records' }).waitFor();
    expect(await dialogViolations(page)).toEqual([]);
    await screenshot(page, 'dpo-request-detail');
    await page.keyboard.press('Escape');

    await goTo(page, 'Break-glass');
    await check(page, 'Break-glass access', 'dpo-break-glass');
    const reason = 'Regulator complaint 2026-77 about a caller message';
    const form = page.getByRole('region', { name: 'Open break-glass access' });
    await form.getByLabel('Client').selectOption({ label: 'Hartley Plumbing' });
    await form.getByLabel('Duration (minutes)').fill('15');
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Open break-glass access' }).click();
    const countdown = page.getByTestId('break-glass-countdown');
    await countdown.waitFor();
    const first = await countdown.textContent();
    expect(first).toMatch(/^1[45] min \d{2} s$/);
    // It ticks (polled from here: the page's CSP rightly refuses evaluated strings).
    let now = first;
    for (let tries = 0; now === first && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await countdown.textContent();
    }
    expect(now).not.toBe(first);
    await screenshot(page, 'dpo-break-glass-open');
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByText('closed early').waitFor();
    expect(await countdown.count()).toBe(0);

    await goTo(page, 'Breaches');
    await check(page, 'Breach register', 'dpo-breaches');
    const breach = page.getByRole('region', { name: 'Record a breach' });
    await breach.getByLabel('What happened').fill('A laptop with the client contact list was stolen');
    await breach.getByLabel('Data categories').fill('client_contact');
    await breach.getByLabel('Caller data affected').check();
    await breach.getByLabel('Affected clients').click();
    await page.getByRole('option', { name: 'Hartley Plumbing' }).click();
    await breach.getByRole('heading', { name: 'Record a breach' }).click();
    await breach.getByLabel('Likely consequences').fill('Phishing of client contacts');
    await breach.getByLabel('Measures taken').fill('Remote wipe, passwords rotated');
    await breach.getByRole('button', { name: 'Record breach' }).click();
    await expect(page.getByTestId('regulator-clock').textContent()).resolves.toMatch(/^(71 h|72 h) \d{2} min \d{2} s left$/);
    await page.getByRole('cell', { name: 'Hartley Plumbing', exact: true }).waitFor();
    await check(page, 'Breach register', 'dpo-breach-recorded');

    await goTo(page, 'Sub-processors');
    await check(page, 'Sub-processors', 'dpo-sub-processors');

    // The client's own access trail shows the opening with the DPO's reason.
    const owner = await open(clientUser.email, clientUser.password);
    await owner.goto('/portal/access-trail');
    // Shown on the grant's opening and on its early close.
    await owner.getByText(reason).first().waitFor();
    await screenshot(owner, 'client-trail-break-glass');
  });

  it('keeps roles apart: an agent cannot reach admin pages and the API refuses it; an admin sees no caller content on any page', async () => {
    const agentPage = await open(agent.email, agent.password);
    for (const path of ['/portal/admin/clients', '/portal/admin/audit', '/portal/dpo/break-glass']) {
      await agentPage.goto(path);
      await agentPage.getByRole('heading', { name: 'No such page', level: 1 }).waitFor();
      expect(await agentPage.getByRole('link', { name: 'Clients', exact: true }).count()).toBe(0);
    }
    await check(agentPage, 'No such page', 'agent-refused-admin-page');
    for (const path of ['/users', '/clients', '/audit', `/clients/${clientId}/usage/daily?from=2026-01-01&to=2026-01-02`, '/break-glass']) {
      expect({ path, status: (await agentPage.request.get(path)).status() }).toEqual({ path, status: 403 });
    }

    const page = await open(ADMIN.email, ADMIN.password);
    const seen: string[] = [];
    const look = async () => {
      await page.waitForLoadState('networkidle');
      seen.push(await page.content());
    };
    for (const label of ['Clients', 'Users', 'Audit trail', 'Usage', 'Registers']) {
      await goTo(page, label);
      await page.getByRole('heading', { name: label === 'Audit trail' ? 'Audit trail' : label, level: 1 }).waitFor();
      await look();
    }
    await goTo(page, 'Clients');
    await page.getByRole('button', { name: 'Manage Hartley Plumbing' }).click();
    await page.getByRole('dialog', { name: 'Client: Hartley Plumbing' }).getByRole('heading', { name: 'Version history' }).waitFor();
    await look();
    await page.keyboard.press('Escape');
    await goTo(page, 'Audit trail');
    await page.getByLabel('Client').selectOption({ label: 'Hartley Plumbing' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('cell', { name: 'message.create', exact: true }).first().waitFor();
    await look();
    const text = seen.join('\n');
    for (const secret of [CALLER.name, 'Quartermaine', CALLER.number, '7946 0991', 'Quokka', 'HP-1001', 'LS1 4AP']) expect(text).not.toContain(secret);
    // Forced through the API, caller content is refused to an admin.
    expect((await page.request.get(`/messages?clientId=${clientId}`)).status()).toBe(403);
  });

  it('draws the usage chart for the period, with the CSV beside it', async () => {
    const page = await open(ADMIN.email, ADMIN.password);
    await goTo(page, 'Usage');
    await check(page, 'Usage', 'admin-usage-empty');
    await page.getByLabel('Client').selectOption({ label: 'Hartley Plumbing' });
    await page.getByRole('button', { name: 'Show usage' }).click();
    const chart = page.getByTestId('usage-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByText(/^2 calls, \d+ billable minutes, 1 messages from /).waitFor();
    await check(page, 'Usage', 'admin-usage');
    const csv = await page.request.get((await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^date,calls,minutes,messages/);
  });
});
