import { ManualClock } from '#clock';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

const HOUR = 3_600_000;
const PASSWORD = 'a-long-test-password';

/** The API the agent, admin and DPO consoles need beyond the core routes. */
describe('console API', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let admin: string;
  let dpo: string;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  let acme: string;
  let bravo: string;
  let agent: { token: string; id: string };
  let otherAgent: { token: string; id: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function user(role: string, clientId?: string): Promise<{ token: string; id: string }> {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api.http.post('/users').set(auth(admin)).send({ email, password: PASSWORD, role, ...(clientId ? { clientId } : {}) }).expect(201);
    return { token: await login(api.http, email, PASSWORD), id: created.body.id };
  }

  const events = (action: string, subjectId?: string) =>
    ownerQuery<{ action: string; outcome: string; details: Record<string, unknown>; canonical: string; client_id: string | null; actor_id: string }>(
      env.config,
      `SELECT action, outcome, details, canonical, client_id, actor_id FROM audit_events WHERE action = $1 ${subjectId ? 'AND subject_id = $2' : ''} ORDER BY id`,
      subjectId ? [action, subjectId] : [action],
    );

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    admin = await loginAdmin(api.http);
    const created = await api.http
      .post('/clients')
      .set(auth(admin))
      .send({
        name: 'Acme Plumbing',
        contactName: 'Alice Owner',
        contactEmail: 'alice@acme.example',
        instructions: {
          greeting: 'Good morning, Acme Plumbing, how can I help?',
          intakeFields: [
            { name: 'account_number', label: 'Account number', type: 'string', required: true },
            { name: 'units', type: 'number', required: false },
          ],
        },
      })
      .expect(201);
    acme = created.body.id;
    expect(created.body.instructions.greeting).toBe('Good morning, Acme Plumbing, how can I help?');
    bravo = (await api.http.post('/clients').set(auth(admin)).send({ name: 'Bravo Dentists', contactEmail: 'bravo@dent.example' }).expect(201)).body.id;
    agent = await user('agent');
    otherAgent = await user('agent');
    dpo = (await user('dpo')).token;
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  describe('GET /agent/clients', () => {
    it('lists the clients an agent serves with their intake scripts and no contact details, audited', async () => {
      const res = await api.http.get('/agent/clients').set(auth(agent.token)).expect(200);
      expect(res.body.map((c: { name: string }) => c.name)).toEqual(['Acme Plumbing', 'Bravo Dentists']);
      expect(res.body[0]).toEqual({
        clientId: acme,
        name: 'Acme Plumbing',
        greeting: 'Good morning, Acme Plumbing, how can I help?',
        intakeFields: [
          { name: 'account_number', label: 'Account number', type: 'string', required: true },
          { name: 'units', type: 'number', required: false },
        ],
        instructionsVersion: 1,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/alice|bravo@dent|contact/i);
      const audited = (await events('agent.clients.list')).filter((e) => e.actor_id === agent.id);
      expect(audited.at(-1)).toMatchObject({ outcome: 'success', details: { count: 2, searched: false } });
    });

    it('searches by name, any case, with LIKE wildcards taken literally', async () => {
      const res = await api.http.get('/agent/clients').query({ search: 'bRaVo' }).set(auth(agent.token)).expect(200);
      expect(res.body.map((c: { clientId: string }) => c.clientId)).toEqual([bravo]);
      const none = await api.http.get('/agent/clients').query({ search: '%' }).set(auth(agent.token)).expect(200);
      expect(none.body).toEqual([]);
    });

    it('shows only the assigned clients of a restricted agent, and the admin reads the assignment back', async () => {
      const restricted = await user('agent');
      await api.http.put(`/users/${restricted.id}/clients`).set(auth(admin)).send({ clientIds: [bravo] }).expect(204);
      const res = await api.http.get('/agent/clients').set(auth(restricted.token)).expect(200);
      expect(res.body.map((c: { clientId: string }) => c.clientId)).toEqual([bravo]);
      const assigned = await api.http.get(`/users/${restricted.id}/clients`).set(auth(admin)).expect(200);
      expect(assigned.body).toEqual({ clientIds: [bravo] });
      expect((await api.http.get(`/users/${agent.id}/clients`).set(auth(admin)).expect(200)).body).toEqual({ clientIds: [] });
      await api.http.get(`/users/${restricted.id}/clients`).set(auth(restricted.token)).expect(403);
    });

    it('tells the console the upload limit and the working window', async () => {
      const res = await api.http.get('/agent/limits').set(auth(agent.token)).expect(200);
      expect(res.body).toEqual({ recordingMaxBytes: env.config.recordingMaxBytes, workingWindowHours: env.config.agentWindowHours });
      await api.http.get('/agent/limits').set(auth(admin)).expect(403);
    });

    it('refuses admins, the DPO and client users', async () => {
      await api.http.get('/agent/clients').set(auth(admin)).expect(403);
      await api.http.get('/agent/clients').set(auth(dpo)).expect(403);
      await api.http.get('/agent/clients').expect(401);
    });
  });

  describe('PATCH /messages/:id (correction by the agent)', () => {
    async function logMessage(token: string) {
      const call = await api.http.post('/calls').set(auth(token)).send({ clientId: acme, callerNumber: '+44 20 7946 0018', startedAt: clock.now().toISOString() }).expect(201);
      const msg = await api.http
        .post(`/calls/${call.body.id}/messages`)
        .set(auth(token))
        .send({ callerName: 'Jane Caller', callerPhone: '+44 20 7946 0018', body: 'Boiler leaking', customFields: { account_number: 'ACC-1' } })
        .expect(201);
      return msg.body.id as string;
    }

    it('corrects the fields given, keeps the rest, and audits a correction naming fields only', async () => {
      const id = await logMessage(agent.token);
      const res = await api.http
        .patch(`/messages/${id}`)
        .set(auth(agent.token))
        .send({ callerName: 'Janet Caller', urgency: 'urgent', customFields: { account_number: 'ACC-2', units: 3 } })
        .expect(200);
      expect(res.body).toMatchObject({ id, callerName: 'Janet Caller', body: 'Boiler leaking', urgency: 'urgent', customFields: { account_number: 'ACC-2', units: 3 } });
      expect(res.body.correctedAt).toBe(clock.now().toISOString());
      const [event] = await events('message.correct', id);
      expect(event).toMatchObject({ outcome: 'success', client_id: acme, details: { fields: 'callerName,urgency,customFields', instructionsVersion: 1 } });
      for (const secret of ['Janet', 'ACC-', 'Boiler', '7946 0018']) expect(event.canonical).not.toContain(secret);
      const listed = await api.http.get('/messages').set(auth(agent.token)).expect(200);
      expect(listed.body.find((m: { id: string }) => m.id === id)).toMatchObject({ callerName: 'Janet Caller' });
    });

    it('validates a correction like a new message: the intake fields and the standard ones', async () => {
      const id = await logMessage(agent.token);
      const missing = await api.http.patch(`/messages/${id}`).set(auth(agent.token)).send({ customFields: { units: 2 } }).expect(400);
      expect(missing.body.message).toBe('customFields.account_number is required');
      await api.http.patch(`/messages/${id}`).set(auth(agent.token)).send({ callerEmail: 'not-an-email' }).expect(400);
      const nothing = await api.http.patch(`/messages/${id}`).set(auth(agent.token)).send({}).expect(400);
      expect(nothing.body.message).toMatch(/Nothing to correct/);
      await api.http.patch(`/messages/${id}`).set(auth(agent.token)).send({ callerEmail: null }).expect(200);
    });

    it("refuses another agent's message and one outside the working window as not found, audited as denied", async () => {
      const id = await logMessage(agent.token);
      await api.http.patch(`/messages/${id}`).set(auth(otherAgent.token)).send({ body: 'changed' }).expect(404);
      expect((await events('message.correct', id)).map((e) => [e.outcome, e.details.reason])).toEqual([['denied', 'not_own_message']]);
      clock.advance(13 * HOUR);
      try {
        await api.http.patch(`/messages/${id}`).set(auth(agent.token)).send({ body: 'changed' }).expect(404);
        expect((await events('message.correct', id)).map((e) => e.details.reason)).toEqual(['not_own_message', 'outside_working_window']);
      } finally {
        clock.advance(-13 * HOUR);
      }
    });

    it('is for agents only: admins and client users are refused', async () => {
      const id = await logMessage(agent.token);
      await api.http.patch(`/messages/${id}`).set(auth(admin)).send({ body: 'x' }).expect(403);
      const clientUser = await user('client', acme);
      await api.http.patch(`/messages/${id}`).set(auth(clientUser.token)).send({ body: 'x' }).expect(403);
    });
  });

  describe('GET /clients/:id/usage/daily', () => {
    it('gives calls, minutes and messages per day, matching the usage report', async () => {
      const day = clock.now().toISOString().slice(0, 10);
      const started = new Date(clock.now().getTime() - 90_000);
      await api.http.post('/calls').set(auth(agent.token)).send({ clientId: bravo, callerNumber: '+44 20 7946 0000', startedAt: started.toISOString(), endedAt: clock.now().toISOString() }).expect(201);
      const res = await api.http.get(`/clients/${bravo}/usage/daily`).query({ from: '2026-11-30', to: day }).set(auth(admin)).expect(200);
      expect(res.body).toEqual({
        clientId: bravo,
        from: '2026-11-30',
        to: day,
        days: [
          { date: '2026-11-30', calls: 0, minutes: 0, messages: 0 },
          { date: day, calls: 1, minutes: 2, messages: 0 },
        ],
      });
      const report = await api.http.get(`/clients/${bravo}/usage`).query({ from: '2026-11-30', to: day }).set(auth(admin)).expect(200);
      expect(report.body.total).toMatchObject({ calls: 1, minutes: 2 });
    });

    it('refuses a bad period and other roles', async () => {
      const bad = await api.http.get(`/clients/${bravo}/usage/daily`).query({ from: '2026-12-01', to: 'soon' }).set(auth(admin)).expect(400);
      expect(bad.body.message).toEqual(['to must be a date (YYYY-MM-DD)']);
      await api.http.get(`/clients/${bravo}/usage/daily`).query({ from: '2026-12-01', to: '2026-11-01' }).set(auth(admin)).expect(400);
      await api.http.get(`/clients/${bravo}/usage/daily`).query({ from: '2026-12-01', to: '2026-12-01' }).set(auth(agent.token)).expect(403);
      const acmeUser = await user('client', acme);
      await api.http.get(`/clients/${bravo}/usage/daily`).query({ from: '2026-12-01', to: '2026-12-01' }).set(auth(acmeUser.token)).expect(404);
    });
  });

  describe('PATCH /clients/:id (contact details)', () => {
    it('changes the fields given, clears with null, and audits field names only', async () => {
      const res = await api.http.patch(`/clients/${acme}`).set(auth(admin)).send({ contactName: 'Bob Newowner', contactPhone: '+44 161 496 0000', contactEmail: null }).expect(200);
      expect(res.body).toMatchObject({ id: acme, name: 'Acme Plumbing', contactName: 'Bob Newowner', contactPhone: '+44 161 496 0000', contactEmail: null });
      expect((await api.http.get(`/clients/${acme}`).set(auth(admin)).expect(200)).body.contactName).toBe('Bob Newowner');
      const [event] = await events('client.update', acme);
      expect(event.details).toEqual({ fields: 'contactName,contactEmail,contactPhone' });
      expect(event.canonical).not.toMatch(/Newowner|161 496/);
    });

    it('refuses an empty change, a bad email, an unknown client and non-admins', async () => {
      await api.http.patch(`/clients/${acme}`).set(auth(admin)).send({}).expect(400);
      await api.http.patch(`/clients/${acme}`).set(auth(admin)).send({ contactEmail: 'nope' }).expect(400);
      await api.http.patch(`/clients/${acme}`).set(auth(admin)).send({ name: null }).expect(400);
      await api.http.patch('/clients/00000000-0000-4000-8000-000000000000').set(auth(admin)).send({ name: 'X' }).expect(404);
      await api.http.patch(`/clients/${acme}`).set(auth(dpo)).send({ name: 'X' }).expect(403);
      await api.http.patch(`/clients/${acme}`).set(auth(agent.token)).send({ name: 'X' }).expect(403);
    });
  });

  describe('POST /clients/:id/instructions (the instructions form)', () => {
    it('changes only the settings sent: a partial change keeps the intake fields, greeting and the rest', async () => {
      const before = (await api.http.get(`/clients/${acme}/instructions`).set(auth(admin)).expect(200)).body;
      const issued = await api.http.post(`/clients/${acme}/instructions`).set(auth(admin)).send({ deliveryExpiryHours: 48 }).expect(201);
      expect(issued.body).toMatchObject({ version: before.version + 1, deliveryExpiryHours: 48 });
      const { id: _a, version: _b, createdAt: _c, createdBy: _d, deliveryExpiryHours: _e, ...kept } = before;
      const { id: _f, version: _g, createdAt: _h, createdBy: _i, deliveryExpiryHours: _j, ...after } = issued.body;
      expect(after).toEqual(kept);
      expect(after.intakeFields).toHaveLength(2);
    });
  });

  describe('break-glass close and the DPO client list', () => {
    it('lets the DPO list clients (not agents), then open and close a grant early, audited under the client', async () => {
      const clients = await api.http.get('/clients').set(auth(dpo)).expect(200);
      expect(clients.body.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([acme, bravo]));
      await api.http.get('/clients').set(auth(agent.token)).expect(403);
      const grant = await api.http.post('/break-glass').set(auth(dpo)).send({ clientId: acme, reason: 'Regulator complaint about a caller message', durationMinutes: 30 }).expect(201);
      const closed = await api.http.post(`/break-glass/${grant.body.id}/close`).set(auth(dpo)).expect(200);
      expect(closed.body).toMatchObject({ id: grant.body.id, closedAt: clock.now().toISOString(), expiresAt: clock.now().toISOString() });
      await api.http.post(`/break-glass/${grant.body.id}/close`).set(auth(dpo)).expect(409);
      const [event] = await events('break_glass.close', grant.body.id);
      expect(event).toMatchObject({ outcome: 'success', client_id: acme });
      const listed = await api.http.get('/break-glass').set(auth(dpo)).expect(200);
      expect(listed.body.find((g: { id: string }) => g.id === grant.body.id).closedAt).toBe(clock.now().toISOString());
      // Closed means closed: caller content needs a new grant again.
      const messages = await api.http.get('/messages').query({ clientId: acme }).set(auth(dpo)).expect(403);
      expect(messages.body.code).toBe('break_glass_required');
    });

    it("refuses to close another DPO's grant or a missing one", async () => {
      const grant = await api.http.post('/break-glass').set(auth(dpo)).send({ clientId: bravo, reason: 'Checking a reported disclosure', durationMinutes: 5 }).expect(201);
      const other = await user('dpo');
      await api.http.post(`/break-glass/${grant.body.id}/close`).set(auth(other.token)).expect(404);
      await api.http.post('/break-glass/00000000-0000-4000-8000-000000000000/close').set(auth(dpo)).expect(404);
      await api.http.post(`/break-glass/${grant.body.id}/close`).set(auth(admin)).expect(403);
    });
  });

  it('lets the admin read the breach register but not record in it', async () => {
    const breach = await api.http
      .post('/breaches')
      .set(auth(dpo))
      .send({ detectedAt: clock.now().toISOString(), nature: 'Laptop lost', dataCategories: ['client_contact'], affectsCallerData: false, affectsOperatorData: true, likelyConsequences: 'Low', measuresTaken: 'Remote wipe' })
      .expect(201);
    const listed = await api.http.get('/breaches').set(auth(admin)).expect(200);
    expect(listed.body.map((b: { id: string }) => b.id)).toContain(breach.body.id);
    await api.http.post('/breaches').set(auth(admin)).send({}).expect(403);
    await api.http.get('/breaches').set(auth(agent.token)).expect(403);
  });

  it('filters the audit trail by outcome', async () => {
    const denied = await api.http.get('/audit').query({ outcome: 'denied' }).set(auth(admin)).expect(200);
    expect(denied.body.length).toBeGreaterThan(0);
    expect(denied.body.every((e: { outcome: string }) => e.outcome === 'denied')).toBe(true);
    await api.http.get('/audit').query({ outcome: 'maybe' }).set(auth(admin)).expect(400);
  });
});
