import { INestApplicationContext } from '@nestjs/common';
import { OwnRedis } from './support/deliveries-fault-services';
import { MailCatcher, WebhookReceiver, eventually, pause } from './support/notification-receivers';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { createClientWithUsers, loginAdmin, startTestApi, startTestWorker, TestApi } from './support/test-app';

/**
 * Redis of this suite's own, stopped while a message is logged (and back empty, as after a crash):
 * the notice written with the message still goes out, once, when Redis returns. SMTP down for a
 * while: the email is retried until it is accepted.
 */
describe('notices survive Redis and SMTP outages', () => {
  let redis: OwnRedis;
  let smtp: MailCatcher;
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function logUrgent(agent: string, clientId: string) {
    const call = await api.http.post('/calls').set(auth(agent)).send({ clientId, callerNumber: '+44 7700 900123', startedAt: new Date().toISOString() }).expect(201);
    await api.http
      .post(`/calls/${call.body.id}/messages`)
      .set(auth(agent))
      .send({ callerName: 'Philippa Quenby-Marsh', callerPhone: '+44 7700 900123', body: 'Burst pipe', urgency: 'urgent' })
      .expect(201);
  }

  async function clientWithContact(name: string) {
    const party = await createClientWithUsers(api.http, admin, name);
    const contactEmail = `office.${party.clientId.slice(0, 8)}@client.test`;
    // Named in the settings (the other suite covers the contact-email default).
    await api.http
      .post(`/clients/${party.clientId}/instructions`)
      .set(auth(admin))
      .send({ notifications: { emailRecipients: [{ address: contactEmail, events: ['message.new'] }] } })
      .expect(201);
    return { ...party, contactEmail };
  }

  beforeAll(async () => {
    redis = await OwnRedis.start();
    smtp = await MailCatcher.start();
    env = await createTestEnvironment({ REDIS_URL: redis.url, SMTP_URL: smtp.url, NOTIFY_SWEEP_EVERY_MS: '300', NOTIFY_RETRY_DELAY_MS: '100' });
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
    admin = await loginAdmin(api.http);
  });

  afterAll(async () => {
    await redis?.start();
    await worker?.close();
    await api?.close();
    await env?.destroy();
    await redis?.stop();
    await smtp?.close();
  });

  it('a message logged while Redis is down is still notified once Redis is back (empty)', async () => {
    const party = await clientWithContact('Acme Plumbing');
    await redis.stop();
    const started = Date.now();
    await logUrgent(party.agent.token, party.clientId);
    expect(Date.now() - started).toBeLessThan(5_000); // the answer does not wait for Redis
    await pause(1500);
    expect(smtp.to(party.contactEmail)).toHaveLength(0);

    await redis.start();
    const [mail] = await eventually(() => smtp.to(party.contactEmail).length && smtp.to(party.contactEmail), 'the email after Redis returned', 30_000);
    expect(mail.subject).toBe('1 new message for Acme Plumbing (1 urgent)');
    await pause(1500);
    expect(smtp.to(party.contactEmail)).toHaveLength(1);
  });

  it('an email refused while SMTP is down is sent when it is back', async () => {
    const party = await clientWithContact('Bravo Dentists');
    await smtp.close();
    await logUrgent(party.agent.token, party.clientId);
    await pause(1500);
    const failures = (await api.http.get('/notifications').set(auth(party.clientUser.token)).expect(200)).body[0].deliveries[0];
    expect(failures).toMatchObject({ channel: 'email', status: 'pending' });
    expect(failures.attempts).toBeGreaterThan(0);

    smtp = await MailCatcher.start(smtp.port);
    await eventually(() => smtp.to(party.contactEmail).length, 'the email after SMTP returned', 30_000);
    const [after] = (await api.http.get('/notifications').set(auth(party.clientUser.token)).expect(200)).body;
    expect(after.deliveries[0]).toMatchObject({ channel: 'email', status: 'sent' });
  });

  it('a webhook receiver down for a while gets its event once it is back', async () => {
    const party = await createClientWithUsers(api.http, admin, 'Charlie Cars');
    const hooks = await WebhookReceiver.start();
    try {
      const created = await api.http.post(`/clients/${party.clientId}/webhooks`).set(auth(party.clientUser.token)).send({ url: hooks.url }).expect(201);
      hooks.secret = created.body.secret;
      hooks.failAll = true;
      await logUrgent(party.agent.token, party.clientId);
      await eventually(() => hooks.attempts.length >= 3, 'failed attempts');
      hooks.failAll = false;
      await eventually(() => hooks.processed.length, 'the webhook after recovery', 30_000);
      expect(new Set(hooks.attempts.map((a) => a.id)).size).toBe(1);
    } finally {
      await hooks.close();
    }
  });
});
