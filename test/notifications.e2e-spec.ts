import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '#clock';
import { NotificationsService } from '#notifications';
import { MailCatcher, WebhookReceiver, eventually, pause } from './support/notification-receivers';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from './support/test-app';

const PASSWORD = 'a-long-test-password';
const PUBLIC_URL = 'https://portal.callvault.test';
/** What no notice may carry unless the client instructed it. */
const CALLER = { callerName: 'Philippa Quenby-Marsh', callerPhone: '+44 7700 900123', callerEmail: 'pq.marsh@example.org', body: 'Burst pipe under the stairs' };
const SECRETS = [CALLER.callerName, 'Quenby', '7700 900123', '7700900123', CALLER.callerEmail, 'Burst pipe'];

interface Party {
  clientId: string;
  contactEmail: string;
  client: string;
  agent: string;
}

describe('notifications, private by default', () => {
  const clock = new ManualClock(new Date());
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: MailCatcher;
  let admin: string;
  const receivers: WebhookReceiver[] = [];

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function user(role: string, clientId?: string): Promise<string> {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    await api.http.post('/users').set(auth(admin)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return login(api.http, email, PASSWORD);
  }

  async function party(name: string, notifications?: Record<string, unknown>, withContact = true): Promise<Party> {
    const contactEmail = `office.${Math.random().toString(36).slice(2, 8)}@client.test`;
    const created = await api.http
      .post('/clients')
      .set(auth(admin))
      .send({ name, ...(withContact ? { contactEmail } : {}), ...(notifications ? { instructions: { notifications } } : {}) })
      .expect(201);
    const clientId: string = created.body.id;
    return { clientId, contactEmail, client: await user('client', clientId), agent: await user('agent') };
  }

  async function logMessage(p: Party, urgency: 'urgent' | 'normal'): Promise<string> {
    const call = await api.http.post('/calls').set(auth(p.agent)).send({ clientId: p.clientId, callerNumber: CALLER.callerPhone, startedAt: clock.now().toISOString() }).expect(201);
    const message = await api.http.post(`/calls/${call.body.id}/messages`).set(auth(p.agent)).send({ ...CALLER, urgency }).expect(201);
    return message.body.id;
  }

  async function receiver(): Promise<WebhookReceiver> {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    return r;
  }

  async function subscribe(p: Party, r: WebhookReceiver, events?: string[]): Promise<string> {
    const created = await api.http.post(`/clients/${p.clientId}/webhooks`).set(auth(p.client)).send({ url: r.url, ...(events ? { events } : {}) }).expect(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    r.secret = created.body.secret;
    return created.body.id;
  }

  const noticesOf = async (token: string, query = '') => (await api.http.get(`/notifications${query}`).set(auth(token)).expect(200)).body as { event: string; clientId: string; summary: string; facts: Record<string, unknown>; deliveries: { channel: string; status: string; attempts: number }[] }[];

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    env = await createTestEnvironment({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CallVault <notices@callvault.test>',
      PUBLIC_URL,
      NOTIFY_SWEEP_EVERY_MS: '200',
      NOTIFY_RETRY_DELAY_MS: '50',
      WEBHOOK_DISABLE_AFTER_FAILURES: '8',
      ADMIN_ALERT_EMAIL: 'ops@operator.test',
      DPO_EMAIL: 'dpo@operator.test',
    });
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    admin = await loginAdmin(api.http);
    // Signed timestamps come from this clock; the set-up can take minutes under load, and receivers refuse stale ones.
    clock.set(new Date());
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await smtp?.close();
    for (const r of receivers) await r.close();
  });

  it('an urgent message produces one email within seconds, with no caller name, number or text in it', async () => {
    const acme = await party('Acme Plumbing');
    const started = Date.now();
    await logMessage(acme, 'urgent');
    const [mail] = await eventually(() => smtp.to(acme.contactEmail).length && smtp.to(acme.contactEmail), 'the urgent email', 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(mail.subject).toBe('1 new message for Acme Plumbing (1 urgent)');
    expect(mail.text).toContain('1 new message for Acme Plumbing (1 urgent) — sign in to read');
    expect(mail.text).toContain(`${PUBLIC_URL}/messages`);
    expect(mail.from?.text).toContain('notices@callvault.test');
    const whole = MailCatcher.whole(mail);
    for (const secret of SECRETS) expect(whole).not.toContain(secret);
    await pause(1000); // several sweeps later, still one
    expect(smtp.to(acme.contactEmail)).toHaveLength(1);

    const [notice] = await noticesOf(acme.client);
    expect(notice).toMatchObject({ event: 'message.new', clientId: acme.clientId, urgent: true, facts: { count: 1, urgentCount: 1 }, deliveries: [{ channel: 'email', status: 'sent', attempts: 0 }] });
    const audited = await ownerQuery<{ outcome: string; details: Record<string, unknown>; data_role: string }>(
      env.config,
      `SELECT outcome, details, data_role FROM audit_events WHERE action = 'notification.send' AND client_id = $1`,
      [acme.clientId],
    );
    expect(audited).toEqual([{ outcome: 'success', data_role: 'controller', details: expect.objectContaining({ channel: 'email', event: 'message.new', withContent: false }) }]);
    expect(JSON.stringify(audited)).not.toContain(acme.contactEmail);
  });

  it("with the client's content instruction the webhook carries the message, and the email still does not", async () => {
    const bravo = await party('Bravo Dentists', { webhookIncludesContent: true });
    const hooks = await receiver();
    await subscribe(bravo, hooks);
    const messageId = await logMessage(bravo, 'urgent');

    const [event] = await eventually(() => hooks.processed.length && hooks.processed, 'the webhook', 10_000);
    expect(event.type).toBe('message.new');
    expect(event.data).toMatchObject({ clientId: bravo.clientId, urgent: true, count: 1, messageIds: [messageId], summary: '1 new message for Bravo Dentists (1 urgent) — sign in to read' });
    expect(event.data.messages).toEqual([expect.objectContaining({ id: messageId, urgent: true, ...CALLER })]);
    expect(hooks.attempts.every((a) => a.verified)).toBe(true);

    const [mail] = await eventually(() => smtp.to(bravo.contactEmail).length && smtp.to(bravo.contactEmail), 'the email', 10_000);
    for (const secret of SECRETS) expect(MailCatcher.whole(mail)).not.toContain(secret);
    const audited = await ownerQuery<{ details: Record<string, unknown>; data_role: string }>(
      env.config,
      `SELECT details, data_role FROM audit_events WHERE action = 'notification.send' AND client_id = $1 AND details->>'channel' = 'webhook'`,
      [bravo.clientId],
    );
    expect(audited).toEqual([{ data_role: 'processor', details: expect.objectContaining({ withContent: true }) }]);
  });

  it('a receiver that fails five times then recovers gets the event once, by its webhook-id', async () => {
    const delta = await party('Delta Vets', undefined, false);
    const hooks = await receiver();
    hooks.failFirst = 5;
    await subscribe(delta, hooks, ['message.new']);
    const messageId = await logMessage(delta, 'urgent');

    const [event] = await eventually(() => hooks.processed.length && hooks.processed, 'the webhook after five failures', 30_000);
    expect(event.data).toMatchObject({ messageIds: [messageId] });
    expect(event.data.messages).toBeUndefined(); // no content without the instruction
    expect(JSON.stringify(event)).not.toContain('Quenby');
    await pause(1000);
    expect(hooks.attempts).toHaveLength(6);
    expect(new Set(hooks.attempts.map((a) => a.id))).toEqual(new Set([event.id]));
    expect(hooks.processed).toHaveLength(1);

    const [notice] = await noticesOf(delta.client);
    expect(notice.deliveries).toEqual([{ channel: 'webhook', status: 'sent', attempts: 5 }]);
    const audited = await ownerQuery<{ outcome: string; n: string }>(
      env.config,
      `SELECT outcome, count(*) AS n FROM audit_events WHERE action = 'notification.send' AND client_id = $1 GROUP BY outcome ORDER BY outcome`,
      [delta.clientId],
    );
    expect(audited).toEqual([
      { outcome: 'failure', n: '5' },
      { outcome: 'success', n: '1' },
    ]);
  });

  it('an endpoint that keeps failing is disabled, and the admins are told', async () => {
    const echo = await party('Echo Roofing', undefined, false);
    const hooks = await receiver();
    hooks.failAll = true;
    const endpointId = await subscribe(echo, hooks);
    await logMessage(echo, 'urgent');

    await eventually(async () => {
      const list = (await api.http.get(`/clients/${echo.clientId}/webhooks`).set(auth(echo.client)).expect(200)).body as { id: string; status: string }[];
      return list.find((w) => w.id === endpointId && w.status === 'disabled');
    }, 'the endpoint disabled', 30_000);
    expect(hooks.attempts.length).toBe(8);
    const operatorNotices = await noticesOf(admin);
    expect(operatorNotices).toContainEqual(expect.objectContaining({ event: 'webhook.disabled', clientId: echo.clientId, facts: expect.objectContaining({ endpointId, failures: 8 }) }));
    await eventually(() => smtp.to('ops@operator.test').length, 'the admin email', 10_000);
    expect((await noticesOf(echo.client))[0].deliveries).toEqual([{ channel: 'webhook', status: 'failed', attempts: 8 }]);
  });

  it('refuses a webhook that is not https (plain http only on loopback outside production)', async () => {
    const foxtrot = await party('Foxtrot Joinery');
    const post = (url: string) => api.http.post(`/clients/${foxtrot.clientId}/webhooks`).set(auth(foxtrot.client)).send({ url });
    expect((await post('http://hooks.example.com/x').expect(400)).body).toMatchObject({ code: 'invalid_input', message: 'url must use https' });
    expect((await post('not a url').expect(400)).body.message).toBe('url must be an absolute URL');
    expect((await post('https://user:pw@hooks.example.com/x').expect(400)).body.message).toBe('url must not carry credentials');
    await api.http.post(`/clients/${foxtrot.clientId}/webhooks`).set(auth(foxtrot.client)).send({ url: 'https://hooks.example.com/x', events: ['message.sent'] }).expect(400);
    await post('https://hooks.example.com/x').expect(201);
  });

  it("a client sees only its own notices and webhooks, never another client's", async () => {
    const golf = await party('Golf Garage');
    const hotel = await party('Hotel Hire');
    const hotelHook = await subscribe(hotel, await receiver());
    await logMessage(golf, 'urgent');
    await logMessage(hotel, 'urgent');
    await eventually(() => smtp.to(hotel.contactEmail).length, 'hotel email');

    const golfNotices = await noticesOf(golf.client);
    expect(golfNotices.length).toBeGreaterThan(0);
    expect(golfNotices.every((n) => n.clientId === golf.clientId)).toBe(true);
    // Even an admin's query parameter does not widen a client user's view.
    expect((await noticesOf(golf.client, `?clientId=${hotel.clientId}`)).every((n) => n.clientId === golf.clientId)).toBe(true);
    await api.http.get(`/clients/${hotel.clientId}/webhooks`).set(auth(golf.client)).expect(404);
    await api.http.post(`/clients/${hotel.clientId}/webhooks`).set(auth(golf.client)).send({ url: 'https://evil.example.com/' }).expect(404);
    await api.http.delete(`/clients/${hotel.clientId}/webhooks/${hotelHook}`).set(auth(golf.client)).expect(404);
    await api.http.delete(`/clients/${golf.clientId}/webhooks/${hotelHook}`).set(auth(golf.client)).expect(404);
    expect((await api.http.get(`/clients/${hotel.clientId}/webhooks`).set(auth(hotel.client)).expect(200)).body).toEqual([expect.objectContaining({ id: hotelHook, status: 'active' })]);
    expect(JSON.stringify((await api.http.get(`/clients/${hotel.clientId}/webhooks`).set(auth(hotel.client))).body)).not.toContain('whsec_');
    await api.http.get('/notifications').set(auth(golf.agent)).expect(403);
    // The admin reads a client's notices (no caller content in them) when naming it.
    expect((await noticesOf(admin, `?clientId=${hotel.clientId}`)).every((n) => n.clientId === hotel.clientId)).toBe(true);
    // Deleted: the client's list no longer shows it.
    await api.http.delete(`/clients/${hotel.clientId}/webhooks/${hotelHook}`).set(auth(hotel.client)).expect(204);
    expect((await api.http.get(`/clients/${hotel.clientId}/webhooks`).set(auth(hotel.client)).expect(200)).body).toEqual([]);
  });

  it('a client with no contact email and no settings still has its notice in GET /notifications', async () => {
    const india = await party('India Interiors', undefined, false);
    await logMessage(india, 'urgent');
    const [notice] = await noticesOf(india.client);
    expect(notice).toMatchObject({ event: 'message.new', summary: '1 new message for India Interiors (1 urgent) — sign in to read', deliveries: [] });
  });

  it('non-urgent messages within the 30 s window become one notice, sent when the window ends', async () => {
    const juliet = await party('Juliet Electrics');
    await logMessage(juliet, 'normal');
    clock.advance(10_000);
    await logMessage(juliet, 'normal');
    await pause(1200); // several sweeps: nothing is due yet
    expect(smtp.to(juliet.contactEmail)).toHaveLength(0);
    clock.advance(21_000); // the window (30 s from the first) has ended
    const [mail] = await eventually(() => smtp.to(juliet.contactEmail).length && smtp.to(juliet.contactEmail), 'the grouped email');
    expect(mail.subject).toBe('2 new messages for Juliet Electrics');
    const notices = await noticesOf(juliet.client);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ urgent: false, facts: { count: 2, urgentCount: 0 } });
    // The next message opens a new notice.
    await logMessage(juliet, 'normal');
    expect(await noticesOf(juliet.client)).toHaveLength(2);
  });

  it('messages logged together when no notice is open make one notice with all of them (one opens it, the rest join)', async () => {
    const lima = await party('Lima Locksmiths');
    const calls = [];
    for (let i = 0; i < 8; i++) calls.push((await api.http.post('/calls').set(auth(lima.agent)).send({ clientId: lima.clientId, callerNumber: CALLER.callerPhone, startedAt: clock.now().toISOString() }).expect(201)).body.id);
    const logged = await Promise.all(calls.map((id) => api.http.post(`/calls/${id}/messages`).set(auth(lima.agent)).send({ ...CALLER, urgency: 'normal' }).expect(201)));
    const notices = await noticesOf(lima.client);
    expect(notices).toHaveLength(1);
    expect(notices[0].facts.count).toBe(8);
    expect([...(notices[0].facts.messageIds as string[])].sort()).toEqual(logged.map((r) => r.body.id).sort());
  });

  /** The place in the audit chain of a message's create event (null while unchained). */
  const chainPlaceOf = async (messageId: string) =>
    (await ownerQuery<{ seq: string | null }>(env.config, `SELECT seq FROM audit_events WHERE action = 'message.create' AND subject_id = $1::text`, [messageId]))[0].seq;

  it('a message for a notice that closed behind its back is logged once, in a new notice', async () => {
    const mike = await party('Mike Movers');
    const first = await logMessage(mike, 'normal');
    const second = await logMessage(mike, 'normal'); // joins, and commits with its write batch
    // Either way the answer comes only once the message's audit event is chained.
    expect(await chainPlaceOf(first)).not.toBeNull();
    expect(await chainPlaceOf(second)).not.toBeNull();
    // The window ends by another hand (another API process, say): this process still thinks it open.
    await ownerQuery(env.config, `UPDATE notifications SET group_open_until = $2 WHERE client_id = $1 AND event = 'message.new'`, [mike.clientId, new Date(clock.now().getTime() - 1)]);
    const third = await logMessage(mike, 'normal');
    expect(await chainPlaceOf(third)).not.toBeNull();
    const notices = await noticesOf(mike.client);
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.facts.messageIds)).toEqual(expect.arrayContaining([[third], [first, second]]));
    const [{ messages, events }] = await ownerQuery<{ messages: number; events: number }>(
      env.config,
      `SELECT (SELECT count(*) FROM caller_messages WHERE id = $1)::int AS messages,
              (SELECT count(*) FROM audit_events WHERE action = 'message.create' AND subject_id = $1::text)::int AS events`,
      [third],
    );
    expect({ messages, events }).toEqual({ messages: 1, events: 1 });
  });

  it('an urgent message joining an open group sends the group at once', async () => {
    const kilo = await party('Kilo Kitchens');
    await logMessage(kilo, 'normal');
    await logMessage(kilo, 'urgent');
    const [mail] = await eventually(() => smtp.to(kilo.contactEmail).length && smtp.to(kilo.contactEmail), 'the email', 10_000);
    expect(mail.subject).toBe('2 new messages for Kilo Kitchens (1 urgent)');
    await pause(800);
    expect(smtp.to(kilo.contactEmail)).toHaveLength(1);
  });

  it('an urgent message unread after the escalation time is notified again, then to the second recipient, until read', async () => {
    const second = 'duty.manager@client.test';
    const lima = await party('Lima Locksmiths', { escalationMinutes: 10, escalationEmail: second });
    const messageId = await logMessage(lima, 'urgent');
    await eventually(() => smtp.to(lima.contactEmail).length === 1, 'the first email');

    clock.advance(10 * 60_000 + 1000);
    await eventually(() => smtp.to(lima.contactEmail).length === 2, 'the first escalation');
    expect(smtp.to(lima.contactEmail)[1].subject).toBe('An urgent message for Lima Locksmiths is still unread');
    expect(smtp.to(second)).toHaveLength(0);

    clock.advance(10 * 60_000 + 1000);
    await eventually(() => smtp.to(second).length === 1 && smtp.to(lima.contactEmail).length === 3, 'the escalation to the second recipient');
    for (const secret of SECRETS) expect(MailCatcher.whole(smtp.to(second)[0])).not.toContain(secret);

    // Someone reads it (the portal's "mark read"): escalation stops.
    await ownerQuery(env.config, `UPDATE caller_messages SET read_at = now() WHERE id = $1`, [messageId]);
    clock.advance(10 * 60_000 + 1000);
    await pause(1500);
    expect(smtp.to(second)).toHaveLength(1);
    expect(smtp.to(lima.contactEmail)).toHaveLength(3);
    const [watch] = await ownerQuery<{ level: number; resolved_at: Date | null }>(env.config, `SELECT level, resolved_at FROM urgent_escalations WHERE message_id = $1`, [messageId]);
    expect(watch.level).toBe(2);
    expect(watch.resolved_at).not.toBeNull();
  });

  it("delivery.ready carries an operator-prepared delivery's password to the client's recipients only, and then forgets it", async () => {
    const november = await party('November Nurseries', { emailRecipients: [{ address: 'downloads@november.test', events: ['delivery.ready'] }] });
    const quiet = await party('Oscar Opticians', { emailRecipients: [] }, false);
    const notifications = api.app.get(NotificationsService);
    const db = api.app.get(DataSource);
    const password = 'K7Q2-9XMD-AB12-CD34-EF56-GH78-JK90';
    const deliveryId = randomUUID();
    const expiresAt = new Date(clock.now().getTime() + 72 * 3_600_000);
    const noticeId = await db.transaction((tx) =>
      notifications.deliveryReady(tx, { clientId: november.clientId, deliveryId, expiresAt, downloadUrl: `${PUBLIC_URL}/deliveries/${deliveryId}/download`, password }),
    );
    const [mail] = await eventually(() => smtp.to('downloads@november.test').length && smtp.to('downloads@november.test'), 'the delivery email');
    expect(mail.text).toContain(password);
    expect(mail.text).toContain(`${PUBLIC_URL}/deliveries/${deliveryId}/download`);
    expect(mail.subject).not.toContain(password);
    // Nobody at the operator can read it afterwards: not in the notice list, not in the database.
    expect(JSON.stringify(await noticesOf(admin, `?clientId=${november.clientId}`))).not.toContain(password);
    await eventually(async () => {
      const [row] = await ownerQuery<{ sealed_secret: Buffer | null }>(env.config, `SELECT sealed_secret FROM notifications WHERE id = $1`, [noticeId]);
      return row.sealed_secret === null;
    }, 'the sealed password erased');
    // A client nobody would hear it at is refused, so the caller can refuse the delivery.
    await expect(db.transaction((tx) => notifications.deliveryReady(tx, { clientId: quiet.clientId, deliveryId: randomUUID(), expiresAt, downloadUrl: PUBLIC_URL, password }))).rejects.toMatchObject({
      code: 'no_delivery_recipient',
    });
  });

  it('the DPO is reminded of breach deadlines a day before and when overdue; the client hears of the breach notice and a forwarded request', async () => {
    const HOUR = 3_600_000;
    const mike = await party('Mike Movers', { emailRecipients: [{ address: 'privacy@mike.test', events: ['breach.notice', 'request.forwarded', 'request.reminder'] }] });
    await logMessage(mike, 'normal');
    const dpo = await user('dpo');
    const dpoMail = () => smtp.to('dpo@operator.test');
    const reminders = async () => (await noticesOf(dpo)).filter((n) => n.event === 'deadline.reminder').map((n) => `${n.facts.label}:${n.facts.kind}`).sort();

    const breach = (
      await api.http
        .post('/breaches')
        .set(auth(dpo))
        .send({
          detectedAt: clock.now().toISOString(),
          nature: 'Laptop stolen from a car',
          dataCategories: ['client_contact', 'caller_message'],
          affectsCallerData: true,
          affectsOperatorData: true,
          affectedClientIds: [mike.clientId],
          likelyConsequences: 'Contact details could be misused',
          measuresTaken: 'Disk encrypted; credentials revoked',
        })
        .expect(201)
    ).body;
    // The clients must be told within 24 h: a day before that is now.
    await eventually(async () => (await reminders()).includes('clients:day_before'), 'the clients reminder');
    await eventually(() => dpoMail().length === 1, 'the DPO email');
    await api.http.post(`/breaches/${breach.id}/actions`).set(auth(dpo)).send({ action: 'notify_client', clientId: mike.clientId }).expect(200);
    const [notice] = await eventually(() => smtp.to('privacy@mike.test').length && smtp.to('privacy@mike.test'), 'the breach notice');
    expect(notice.subject).toBe('The operator has a personal data breach notice for Mike Movers');

    clock.advance(49 * HOUR); // a day before the regulator's 72 h
    await eventually(async () => (await reminders()).includes('regulator:day_before'), 'the regulator reminder');
    clock.advance(24 * HOUR); // past it
    await eventually(async () => (await reminders()).includes('regulator:overdue'), 'the overdue reminder');
    await pause(600);
    // The clients were notified in time, so no overdue reminder for them.
    expect(await reminders()).toEqual(['clients:day_before', 'regulator:day_before', 'regulator:overdue']);
    await eventually(() => dpoMail().length === 3, 'three DPO emails');

    // A data subject request finding the client's caller records is forwarded, and the client told with its deadline.
    const request = (await api.http.post('/dsr').set(auth(dpo)).send({ type: 'access', subject: { phone: CALLER.callerPhone } }).expect(201)).body;
    const [forwarded] = await eventually(() => smtp.to('privacy@mike.test').filter((m) => m.subject?.startsWith('A data subject request')).length && smtp.to('privacy@mike.test').filter((m) => m.subject?.startsWith('A data subject request')), 'the forwarded request');
    expect(forwarded.subject).toMatch(/^A data subject request was forwarded to Mike Movers; please answer by \d{4}-\d{2}-\d{2}$/);
    for (const secret of SECRETS) expect(MailCatcher.whole(forwarded)).not.toContain(secret);

    // Unanswered, the client is reminded a day before the request's deadline, and the DPO too.
    clock.set(new Date(new Date(request.dueAt).getTime() - 23 * HOUR));
    await eventually(async () => (await noticesOf(mike.client)).some((n) => n.event === 'request.reminder' && n.facts.kind === 'day_before'), 'the client reminder');
    await eventually(async () => (await reminders()).includes('response:day_before'), 'the DPO reminder');
  });
});
