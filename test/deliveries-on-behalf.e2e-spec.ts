import { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '#clock';
import { basic, bearer, callWithRecording, createParty, KiB, Party, postReceipt, requestDownload, sha256, unzip } from './support/deliveries-helpers';
import { MailCatcher, WebhookReceiver, eventually } from './support/notification-receivers';
import { startS3Endpoint, S3Endpoint } from './support/s3-endpoint';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

const PUBLIC_URL = 'https://portal.callvault.test';
const PASSWORD_LINE = /^One-time password: (\S+)$/m;
const REQUESTED_KEYS = ['clientId', 'credentialsSentTo', 'expiresAt', 'id', 'messageCount', 'notificationId', 'receiptWindowMinutes', 'recordingCount', 'status', 'withheldCount'];

/**
 * Issue 9, point 1: an admin or the DPO may ask for a delivery on a client's behalf. The password goes
 * only to the client's registered delivery contact (email or signed webhook); the operator's answer,
 * every route operator staff can call and the database never show it in clear. Without a contact the
 * request is refused (403 no_delivery_contact) and nothing is created.
 */
describe("deliveries asked for on a client's behalf (issue 9)", () => {
  const clock = new ManualClock(new Date());
  let s3: S3Endpoint;
  let smtp: MailCatcher;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  let dpo: string;
  const receivers: WebhookReceiver[] = [];

  async function staff(role: string): Promise<string> {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@callvault.test`;
    await api.http.post('/users').set(bearer(admin)).send({ email, password: 'a-long-test-password', role }).expect(201);
    return login(api.http, email, 'a-long-test-password');
  }

  /** Everything in clear in every table of the database, to look for a password in. */
  async function wholeDatabase(): Promise<string> {
    const tables = await ownerQuery<{ schema: string; name: string }>(
      env.config,
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const t of tables) {
      const [row] = await ownerQuery<{ text: string | null }>(env.config, `SELECT string_agg(t::text, E'\\n') AS text FROM "${t.schema}"."${t.name}" t`);
      parts.push(row.text ?? '');
    }
    return parts.join('\n');
  }

  /** Every GET route of the running app, with the ids given (others a random-looking uuid), for a client. */
  async function everyReadRoute(token: string, ids: Record<string, string>, clientId: string): Promise<string[]> {
    const instance = api.app.getHttpAdapter().getInstance();
    const stack: { route?: { path: string; methods: Record<string, boolean> } }[] = (instance.router ?? instance._router).stack;
    const routes = stack.filter((l) => l.route?.methods.get && typeof l.route.path === 'string' && !l.route.path.startsWith('/docs')).map((l) => l.route!.path);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const answers: string[] = [];
    for (const route of routes) {
      const path = route.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id ?? '00000000-0000-4000-8000-000000000000');
      const response = await api.http.get(`${path}${path.includes('?') ? '&' : '?'}clientId=${clientId}`).set(bearer(token));
      answers.push(`${route} ${response.status} ${response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString('latin1') : '')}`);
    }
    return answers;
  }

  const forms = (password: string) => [password, password.replace(/-/g, '')];

  beforeAll(async () => {
    s3 = await startS3Endpoint();
    smtp = await MailCatcher.start();
    env = await createTestEnvironment({
      ...s3.env,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      NOTIFY_SWEEP_EVERY_MS: '200',
      NOTIFY_RETRY_DELAY_MS: '100',
      WEBHOOK_DISABLE_AFTER_FAILURES: '50',
      ADMIN_ALERT_EMAIL: 'ops@operator.test',
      DPO_EMAIL: 'dpo@operator.test',
    });
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    admin = await loginAdmin(api.http);
    dpo = await staff('dpo');
    // Signed webhook timestamps come from this clock; receivers refuse stale ones.
    clock.set(new Date());
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await s3?.stop();
    await smtp?.close();
    for (const r of receivers) await r.close();
  });

  it("an admin's request: 202 without the password; the client's delivery contact gets it by email; it downloads the archive; audited as on the client's behalf", async () => {
    const party = await createParty(api.http, admin, 'Alpha Answering', {
      notifications: { emailRecipients: [{ address: 'downloads@alpha.test', events: ['delivery.ready'] }, { address: 'office@alpha.test', events: ['message.new'] }] },
    });
    const item = await callWithRecording(api, party, clock.now(), 16 * KiB, 7);

    const requested = await api.http.post('/deliveries').set(bearer(admin)).send({ clientId: party.clientId, recordingIds: [item.recordingId] }).expect(202);
    expect(Object.keys(requested.body).sort()).toEqual(REQUESTED_KEYS);
    expect(requested.body).toMatchObject({ clientId: party.clientId, status: 'open', recordingCount: 1, messageCount: 0, credentialsSentTo: 'client_delivery_contact' });
    expect(requested.text).not.toMatch(/password/i);

    const [mail] = await eventually(() => smtp.to('downloads@alpha.test').length && smtp.to('downloads@alpha.test'), 'the delivery email');
    const password = PASSWORD_LINE.exec(mail.text ?? '')![1];
    expect(password).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    expect(mail.text).toContain(`${PUBLIC_URL}/deliveries/${requested.body.id}/download`);
    expect(mail.text).toContain(requested.body.id);
    expect(mail.subject).not.toContain(password);
    for (const form of forms(password)) expect(requested.text).not.toContain(form);
    // Nobody else was sent it: not the new-message recipient, not the operator's alert address.
    expect(smtp.mails.filter((m) => MailCatcher.whole(m).includes(password))).toEqual([mail]);

    // The password the contact received opens the archive, and the receipt consumes it.
    const downloaded = await requestDownload(api, requested.body.id, { authorization: basic(requested.body.id, password) });
    expect(downloaded.status).toBe(200);
    const entries = await unzip(downloaded.body);
    expect(sha256(entries.find((e) => e.name.startsWith('recordings/'))!.data)).toBe(item.sha256);
    expect(await postReceipt(api, requested.body.id, basic(requested.body.id, password), downloaded.sha256)).toMatchObject({ status: 200, body: { status: 'consumed' } });

    const [created] = await ownerQuery<{ actor_role: string; actor_id: string; details: Record<string, unknown> }>(
      env.config,
      `SELECT actor_role, actor_id, details FROM audit_events WHERE action = 'delivery.create' AND outcome = 'success' AND subject_id = $1`,
      [requested.body.id],
    );
    expect(created).toMatchObject({ actor_role: 'admin', details: { onBehalfOfClient: true, credentialTo: 'client_delivery_contact', notificationId: requested.body.notificationId, recordings: 1 } });
    const [row] = await ownerQuery<{ created_by_role: string }>(env.config, 'SELECT created_by_role FROM deliveries WHERE id = $1', [requested.body.id]);
    expect(row.created_by_role).toBe('admin');
    // Once carried, the sealed password is gone from the notice.
    await eventually(async () => (await ownerQuery<{ sealed_secret: Buffer | null }>(env.config, 'SELECT sealed_secret FROM notifications WHERE id = $1', [requested.body.notificationId]))[0].sealed_secret === null, 'the sealed password erased');
  });

  it("the DPO's request goes to the client's signed webhook; while it waits, no route an admin or the DPO can call, and no table in clear, holds the password", async () => {
    const party = await createParty(api.http, admin, 'Bravo Boilers', { notifications: { emailRecipients: [] } });
    const hooks = await WebhookReceiver.start();
    receivers.push(hooks);
    const created = await api.http.post(`/clients/${party.clientId}/webhooks`).set(bearer(party.client)).send({ url: hooks.url, events: ['delivery.ready'] }).expect(201);
    hooks.secret = created.body.secret;
    hooks.failAll = true; // the notice stays pending while we look for its password
    const item = await callWithRecording(api, party, clock.now(), 8 * KiB, 8);

    const requested = await api.http.post('/deliveries').set(bearer(dpo)).send({ clientId: party.clientId }).expect(202);
    expect(Object.keys(requested.body).sort()).toEqual(REQUESTED_KEYS);
    expect(requested.body).toMatchObject({ recordingCount: 1, messageCount: 1, credentialsSentTo: 'client_delivery_contact' });
    await eventually(() => hooks.attempts.filter((a) => a.verified).length >= 1, 'a first (refused) webhook attempt');

    // Pending: sealed in the notice, nowhere in clear. We learn the password only when it arrives, so keep what we saw now.
    const [pending] = await ownerQuery<{ sealed_secret: Buffer | null }>(env.config, 'SELECT sealed_secret FROM notifications WHERE id = $1', [requested.body.notificationId]);
    expect(pending.sealed_secret).not.toBeNull();
    const databaseWhilePending = await wholeDatabase();
    const ids = { deliveryId: requested.body.id, clientId: party.clientId, recordingId: item.recordingId, messageId: item.messageId, callId: item.callId };
    const answersWhilePending = [...(await everyReadRoute(admin, ids, party.clientId)), ...(await everyReadRoute(dpo, ids, party.clientId))];

    hooks.failAll = false;
    clock.advance(61_000); // past the sweep's wait for a row whose retries ran out
    const [event] = await eventually(() => hooks.processed.length && hooks.processed, 'the delivery webhook', 30_000);
    expect(event).toMatchObject({ type: 'delivery.ready', data: { clientId: party.clientId, deliveryId: requested.body.id, downloadUrl: `${PUBLIC_URL}/deliveries/${requested.body.id}/download` } });
    const password = String(event.data.password);
    expect(password).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);

    for (const form of forms(password)) {
      expect(databaseWhilePending).not.toContain(form);
      expect(answersWhilePending.filter((a) => a.includes(form))).toEqual([]);
      expect(requested.text).not.toContain(form);
    }
    expect(pending.sealed_secret!.toString('latin1')).not.toContain(password);
    // And afterwards: the notice list shows the send, not the password.
    const notices = await api.http.get(`/notifications?clientId=${party.clientId}`).set(bearer(admin)).expect(200);
    expect(notices.body.find((n: { id: string }) => n.id === requested.body.notificationId)).toMatchObject({ event: 'delivery.ready', deliveries: [{ channel: 'webhook', status: 'sent' }] });
    for (const form of forms(password)) expect(notices.text).not.toContain(form);

    const probe = await requestDownload(api, requested.body.id, { method: 'HEAD', authorization: basic(requested.body.id, password) });
    expect(probe.status).toBe(200);
    const downloaded = await requestDownload(api, requested.body.id, { authorization: basic(requested.body.id, password) });
    expect(downloaded.status).toBe(200);
    expect((await unzip(downloaded.body)).map((e) => e.name)).toEqual(expect.arrayContaining(['messages.json', 'manifest.json']));
    const [audited] = await ownerQuery<{ actor_role: string; details: Record<string, unknown> }>(env.config, `SELECT actor_role, details FROM audit_events WHERE action = 'delivery.create' AND outcome = 'success' AND subject_id = $1`, [requested.body.id]);
    expect(audited).toMatchObject({ actor_role: 'dpo', details: { onBehalfOfClient: true, credentialTo: 'client_delivery_contact' } });
  }, 90_000);

  it('without a delivery contact: 403 no_delivery_contact naming what is missing; nothing created, nothing notified, refusal audited', async () => {
    // A contact email hears of new messages only (the default), and a webhook wants new messages only: neither is a delivery contact.
    const party = await createParty(api.http, admin, 'Charlie Chimneys');
    await api.http.patch(`/clients/${party.clientId}`).set(bearer(admin)).send({ contactEmail: 'office@charlie.test' }).expect(200);
    const hooks = await WebhookReceiver.start();
    receivers.push(hooks);
    await api.http.post(`/clients/${party.clientId}/webhooks`).set(bearer(party.client)).send({ url: hooks.url, events: ['message.new'] }).expect(201);
    const item = await callWithRecording(api, party, clock.now(), 4 * KiB, 9);
    const notified = async () => ownerQuery(env.config, `SELECT id FROM notifications WHERE client_id = $1 AND event = 'delivery.ready'`, [party.clientId]);
    const deliveries = async () => ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [party.clientId]);

    for (const token of [admin, dpo]) {
      const refused = await api.http.post('/deliveries').set(bearer(token)).send({ clientId: party.clientId, recordingIds: [item.recordingId] }).expect(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'no_delivery_contact',
        message: expect.stringMatching(/no delivery contact.*email recipient for delivery\.ready.*webhook endpoint for delivery\.ready/),
      });
      expect(refused.text).not.toMatch(/"password"/);
    }
    expect(await deliveries()).toEqual([]);
    expect(await notified()).toEqual([]);
    const denied = await ownerQuery<{ actor_role: string }>(env.config, `SELECT actor_role FROM audit_events WHERE action = 'delivery.create' AND outcome = 'denied' AND client_id = $1 AND details->>'reason' = 'no_delivery_contact'`, [party.clientId]);
    expect(denied.map((d) => d.actor_role).sort()).toEqual(['admin', 'dpo']);

    // Other operator roles may not ask at all; an operator must name the client.
    for (const role of ['supervisor', 'agent']) {
      const res = await api.http.post('/deliveries').set(bearer(await staff(role))).send({ clientId: party.clientId }).expect(403);
      expect(res.text).not.toMatch(/"password"/);
    }
    const unnamed = await api.http.post('/deliveries').set(bearer(admin)).send({ recordingIds: [item.recordingId] }).expect(400);
    expect(unnamed.body.message).toContain('clientId');
    expect(await deliveries()).toEqual([]);
    // The client's own users still create deliveries and get the password themselves.
    const own = await api.http.post('/deliveries').set(bearer(party.client)).send({ recordingIds: [item.recordingId] }).expect(201);
    expect(own.body.password).toEqual(expect.any(String));
    expect(await notified()).toEqual([]);
  });

  it('the delivery and its notice commit together: a request refused for its items leaves neither', async () => {
    const party: Party = await createParty(api.http, admin, 'Delta Drains', { notifications: { emailRecipients: [{ address: 'downloads@delta.test', events: ['delivery.ready'] }] } });
    const empty = await api.http.post('/deliveries').set(bearer(admin)).send({ clientId: party.clientId }).expect(409);
    expect(empty.body.code).toBe('nothing_to_deliver');
    const item = await callWithRecording(api, party, clock.now(), 4 * KiB, 10);
    await api.http.post('/deliveries').set(bearer(admin)).send({ clientId: party.clientId, recordingIds: [item.recordingId, '00000000-0000-4000-8000-000000000001'] }).expect(404);
    expect(await ownerQuery(env.config, 'SELECT id FROM deliveries WHERE client_id = $1', [party.clientId])).toEqual([]);
    expect(await ownerQuery(env.config, `SELECT id FROM notifications WHERE client_id = $1 AND event = 'delivery.ready'`, [party.clientId])).toEqual([]);
    expect(smtp.to('downloads@delta.test')).toEqual([]);
  });
  it('a password no channel will carry any more is forgotten: the only endpoint removed while its notice waits', async () => {
    const party = await createParty(api.http, admin, 'Echo Electrics', { notifications: { emailRecipients: [] } });
    const hooks = await WebhookReceiver.start();
    receivers.push(hooks);
    const endpoint = await api.http.post(`/clients/${party.clientId}/webhooks`).set(bearer(party.client)).send({ url: hooks.url, events: ['delivery.ready'] }).expect(201);
    hooks.secret = endpoint.body.secret;
    hooks.failAll = true;
    await callWithRecording(api, party, clock.now(), 4 * KiB, 11);
    const requested = await api.http.post('/deliveries').set(bearer(admin)).send({ clientId: party.clientId }).expect(202);
    const sealed = async () => (await ownerQuery<{ sealed_secret: Buffer | null }>(env.config, 'SELECT sealed_secret FROM notifications WHERE id = $1', [requested.body.notificationId]))[0].sealed_secret;
    await eventually(() => hooks.attempts.length >= 1, 'a refused attempt');
    expect(await sealed()).not.toBeNull();
    await api.http.delete(`/clients/${party.clientId}/webhooks/${endpoint.body.id}`).set(bearer(party.client)).expect(204);
    await eventually(async () => (await sealed()) === null, 'the sealed password forgotten by the sweep');
    expect(hooks.processed).toEqual([]);
  });
});
