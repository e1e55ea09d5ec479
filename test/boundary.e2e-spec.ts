import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '#access';
import type { Principal } from '#access';
import { PURPOSES, Role } from '#audit';
import { Call, CallerMessage } from '#calls';
import { ManualClock } from '#clock';
import { TenantScope } from '#database';
import { wavBytes } from './support/audio';
import { createClientWithUsers, login, loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';

const CALLER = { name: 'Philippa Quenby-Marsh', phone: '+44 7700 900123', email: 'pq.marsh@example.org', text: 'Please call back about the leaking boiler at Elm Cottage' };

/** Processor-versus-controller boundary: tenant isolation, the role × purpose policy, break-glass, and a clean audit trail. */
describe('boundary (issue 5)', () => {
  const clock = new ManualClock(new Date());
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  let a: Awaited<ReturnType<typeof createClientWithUsers>>;
  let b: Awaited<ReturnType<typeof createClientWithUsers>>;
  let ingestKeyB: string;
  let dpo: { id: string; token: string };
  let supervisorB: string;
  const fixturesA: Record<string, string> = {};
  let dsrIdA: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    adminToken = await loginAdmin(api.http);
    a = await createClientWithUsers(api.http, adminToken, 'Client A');
    b = await createClientWithUsers(api.http, adminToken, 'Client B');
    // Client B's agent serves client B only; B's ingest key belongs to B.
    const agentB = await api.http.get('/users').set(bearer(adminToken)).expect(200);
    const agentBId = agentB.body.find((u: { email: string }) => u.email === b.agent.email).id;
    await api.http.put(`/users/${agentBId}/clients`).set(bearer(adminToken)).send({ clientIds: [b.clientId] }).expect(204);
    ingestKeyB = (await api.http.post(`/clients/${b.clientId}/ingest-keys`).set(bearer(adminToken)).send({}).expect(201)).body.key;
    for (const [role, email] of [['dpo', 'dpo@callvault.test'], ['supervisor', 'supervisor.b@callvault.test']] as const) {
      await api.http.post('/users').set(bearer(adminToken)).send({ email, password: 'a-long-test-password', role }).expect(201);
    }
    const dpoLogin = await api.http.post('/auth/login').send({ email: 'dpo@callvault.test', password: 'a-long-test-password' }).expect(200);
    dpo = { id: dpoLogin.body.user.id, token: dpoLogin.body.accessToken };
    supervisorB = await login(api.http, 'supervisor.b@callvault.test', 'a-long-test-password');

    // Client A's caller data, logged by A's (unrestricted) agent.
    const call = await api.http.post('/calls').set(bearer(a.agent.token)).send({ clientId: a.clientId, callerNumber: CALLER.phone, startedAt: clock.now().toISOString() }).expect(201);
    const message = await api.http
      .post(`/calls/${call.body.id}/messages`)
      .set(bearer(a.agent.token))
      .send({ callerName: CALLER.name, callerPhone: CALLER.phone, callerEmail: CALLER.email, body: CALLER.text })
      .expect(201);
    const recording = await api.http.put(`/calls/${call.body.id}/recording`).set(bearer(a.agent.token)).set('Content-Type', 'audio/wav').send(wavBytes(2048)).expect(201);
    Object.assign(fixturesA, { clientId: a.clientId, callId: call.body.id, messageId: message.body.id, recordingId: recording.body.id });
    // A data subject request naming A's caller: forwarded to client A only.
    const dsr = await api.http.post('/dsr').set(bearer(dpo.token)).send({ type: 'access', subject: { email: CALLER.email } }).expect(201);
    dsrIdA = dsr.body.id;
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  /** Every route of the running app, read from the HTTP router, so a new route is covered without editing this test. */
  function routeTable(): { method: string; path: string }[] {
    const instance = api.app.getHttpAdapter().getInstance();
    const stack: { route?: { path: string; methods: Record<string, boolean> } }[] = (instance.router ?? instance._router).stack;
    return stack
      .filter((layer) => layer.route && /:\w+/.test(layer.route.path))
      .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })));
  }

  /** Bodies that pass validation, so a refusal is the policy's and not the validator's. */
  const SAMPLE_BODIES: Record<string, unknown> = {
    'POST /calls/:callId/messages': { callerName: 'X', callerPhone: '+441234567890', body: 'x' },
    'PATCH /messages/:messageId': { callerName: 'X' },
    'PUT /calls/:callId/recording': wavBytes(512),
    'POST /clients/:clientId/instructions': { deliveryExpiryHours: 24 },
    'POST /clients/:clientId/ingest-keys': {},
    'PUT /users/:userId/clients': { clientIds: [] },
    'POST /dsr/:id/actions': { action: 'export' },
    'POST /breaches/:id/actions': { action: 'notify_client' },
    'POST /marketing/consents/:id/withdraw': {},
  };

  describe('cross-tenant matrix built from the route table', () => {
    const callers = () => [
      { who: "client B's user", headers: bearer(b.clientUser.token) },
      { who: "client B's agent", headers: bearer(b.agent.token) },
      { who: "client B's ingest key", headers: { 'X-Ingest-Key': ingestKeyB } },
    ];

    it('answers 401, 403 or 404 with no data of client A to every route taking an id', async () => {
      const routes = routeTable();
      expect(routes.length).toBeGreaterThanOrEqual(8);
      const leaks: string[] = [];
      for (const route of routes) {
        const idOfA = (name: string) => (name === 'id' && route.path.startsWith('/dsr/') ? dsrIdA : fixturesA[name]);
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => idOfA(name) ?? '00000000-0000-4000-8000-000000000000');
        for (const caller of callers()) {
          let req = api.http[route.method.toLowerCase() as 'get'](path).set(caller.headers);
          const sample = SAMPLE_BODIES[`${route.method} ${route.path}`];
          if (Buffer.isBuffer(sample)) req = req.set('Content-Type', 'audio/wav').send(sample);
          else if (route.method !== 'GET' && route.method !== 'HEAD' && route.method !== 'DELETE') req = req.send((sample as object) ?? {});
          const response = await req;
          const text = response.text ?? '';
          if (![401, 403, 404].includes(response.status)) leaks.push(`${route.method} ${route.path} as ${caller.who}: ${response.status} ${text.slice(0, 120)}`);
          if (Object.values(fixturesA).some((id) => id !== path && text.includes(id)) || text.includes(CALLER.name) || text.includes(CALLER.email) || (dsrIdA !== undefined && !path.includes(dsrIdA) && text.includes(dsrIdA))) {
            leaks.push(`${route.method} ${route.path} as ${caller.who}: body names client A's data`);
          }
        }
      }
      expect(leaks).toEqual([]);
    });

    it('lists of caller data show client B nothing of client A', async () => {
      for (const path of ['/messages', '/recordings']) {
        const response = await api.http.get(path).set(bearer(b.clientUser.token)).expect(200);
        expect(response.text).not.toContain(fixturesA.callId);
        expect(response.text).not.toContain(CALLER.name);
      }
    });
  });

  describe('operator roles never reach caller content or a delivery credential (issue 9)', () => {
    /** Every GET route of the running app (with or without ids), read from the router. */
    function readRoutes(): string[] {
      const instance = api.app.getHttpAdapter().getInstance();
      const stack: { route?: { path: string; methods: Record<string, boolean> } }[] = (instance.router ?? instance._router).stack;
      // The API documentation describes fields (a "password" property), it carries no data.
      return stack.filter((layer) => layer.route?.methods.get && typeof layer.route.path === 'string' && !layer.route.path.startsWith('/docs')).map((layer) => layer.route!.path);
    }

    it('answers admin, DPO (without break-glass), supervisor and an agent who logged nothing of it without caller content or a password, on every read route', async () => {
      const otherAgent = `agent.other.${Date.now()}@callvault.test`;
      await api.http.post('/users').set(bearer(adminToken)).send({ email: otherAgent, password: 'a-long-test-password', role: 'agent' }).expect(201);
      const operators = {
        admin: adminToken,
        dpo: dpo.token,
        supervisor: supervisorB,
        agent: await login(api.http, otherAgent, 'a-long-test-password'),
      };
      const routes = readRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(15);
      const leaks: string[] = [];
      for (const [role, token] of Object.entries(operators)) {
        for (const route of routes) {
          const path = route.replace(/:(\w+)/g, (_, name: string) => (name === 'id' && route.startsWith('/dsr/') ? dsrIdA : fixturesA[name]) ?? '00000000-0000-4000-8000-000000000000');
          const response = await api.http.get(`${path}${path.includes('?') ? '&' : '?'}clientId=${a.clientId}`).set(bearer(token));
          const text = response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString('latin1') : '');
          // The request register shows the DPO the identifiers it recorded itself (the requester's email): controller data.
          const content = role === 'dpo' && route.startsWith('/dsr') ? [CALLER.name, CALLER.text, 'Elm Cottage'] : [CALLER.name, CALLER.email, CALLER.text, 'Elm Cottage'];
          for (const value of content) if (text.includes(value)) leaks.push(`GET ${route} as ${role}: ${response.status} carries ${value}`);
          if (/"password"\s*:/.test(text)) leaks.push(`GET ${route} as ${role}: carries a password`);
        }
        const delivery = await api.http.post('/deliveries').set(bearer(token)).send({ clientId: a.clientId });
        if (delivery.status !== 403 || /"password"\s*:/.test(delivery.text)) leaks.push(`POST /deliveries as ${role}: ${delivery.status}`);
      }
      expect(leaks).toEqual([]);
    });
  });

  describe('row-level security holds when a query forgets its tenant filter', () => {
    it('returns no foreign row from any caller-data table, and nothing outside a tenant scope', async () => {
      const tables = await ownerQuery<{ relname: string }>(env.config, `SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relkind = 'r' ORDER BY relname`);
      expect(tables.map((t) => t.relname)).toEqual(expect.arrayContaining(['calls', 'caller_messages', 'recordings']));
      const scope = api.app.get(TenantScope);
      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      for (const { relname } of tables) {
        // Deliberately no WHERE clause: the policy alone must hide client A's rows from client B.
        const seenByB = await scope.run(b.clientId, (tx) => tx.query(`SELECT client_id FROM ${relname}`));
        expect(seenByB.filter((row: { client_id: string }) => row.client_id !== b.clientId)).toEqual([]);
        const unscoped = await dataSource.query(`SELECT count(*)::int AS n FROM ${relname}`);
        expect(unscoped[0].n).toBe(0);
      }
      const seenByA = await scope.run(a.clientId, (tx) => tx.query(`SELECT id FROM caller_messages`));
      expect(seenByA.map((r: { id: string }) => r.id)).toEqual([fixturesA.messageId]);
    });

    it('refuses to write a row for another client inside a tenant scope', async () => {
      const scope = api.app.get(TenantScope);
      await expect(
        scope.run(b.clientId, (tx) =>
          tx.query(`INSERT INTO calls (client_id, agent_id, caller_number, started_at, instructions_version) VALUES ($1, $1, '+1', now(), 1)`, [a.clientId]),
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  describe('role × purpose', () => {
    const user = (role: Role, id: string, clientId: string | null = null): Principal => ({ kind: 'user', id, role, clientId });
    // Allowed cells for processor data of client A, content or counts. Everything not listed is refused.
    const ALLOWED = new Set([
      'client/service_delivery/content', 'client/service_delivery/counts', 'client/billing/counts', 'client/security/counts',
      'agent/service_delivery/content', 'agent/service_delivery/counts', 'agent/billing/counts', 'agent/security/counts',
      'supervisor/service_delivery/content', 'supervisor/service_delivery/counts', 'supervisor/billing/counts', 'supervisor/security/counts',
      'admin/service_delivery/counts', 'admin/billing/counts', 'admin/security/counts',
      'dpo/service_delivery/counts', 'dpo/billing/counts', 'dpo/security/counts', 'dpo/legal_obligation/counts',
    ]);

    it('allows exactly the allowed cells and audits every refusal', async () => {
      const policy = api.app.get(AccessPolicy);
      const principals: Record<string, Principal> = {
        client: user('client', '11111111-1111-4111-8111-111111111111', a.clientId),
        agent: user('agent', '22222222-2222-4222-8222-222222222222'),
        supervisor: user('supervisor', '33333333-3333-4333-8333-333333333333'),
        admin: user('admin', '44444444-4444-4444-8444-444444444444'),
        dpo: user('dpo', '55555555-5555-4555-8555-555555555555'),
      };
      const [before] = await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'matrix.probe' AND outcome = 'denied'`);
      const outcomes: string[] = [];
      let refused = 0;
      for (const [role, principal] of Object.entries(principals)) {
        for (const purpose of PURPOSES) {
          for (const content of [true, false]) {
            const cell = `${role}/${purpose}/${content ? 'content' : 'counts'}`;
            const allowed = await policy
              .authorize(principal, { action: 'matrix.probe', clientId: a.clientId, data: CallerMessage, purpose, content })
              .then(() => true, () => false);
            if (!allowed) refused += 1;
            if (allowed !== ALLOWED.has(cell)) outcomes.push(`${cell}: ${allowed ? 'allowed' : 'refused'}`);
          }
        }
      }
      expect(outcomes).toEqual([]);
      const [after] = await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'matrix.probe' AND outcome = 'denied'`);
      expect(after.n - before.n).toBe(refused);
    });

    it('lets a supervisor review calls for quality only where the client instructs so', async () => {
      const policy = api.app.get(AccessPolicy);
      const supervisor = user('supervisor', '33333333-3333-4333-8333-333333333333');
      const review = { action: 'call.review', clientId: a.clientId, data: Call, purpose: 'quality_review' as const, content: true };
      await expect(policy.authorize(supervisor, review)).rejects.toMatchObject({ code: 'instructions_refuse' });
      await api.http.post(`/clients/${a.clientId}/instructions`).set(bearer(a.clientUser.token)).send({ supervisorReviewAllowed: true }).expect(201);
      const grant = await policy.authorize(supervisor, review);
      expect(grant.instructions).toMatchObject({ version: 2, supervisorReviewAllowed: true });
      await expect(policy.authorize(user('agent', '22222222-2222-4222-8222-222222222222'), review)).rejects.toMatchObject({ code: 'role' });
      expect(supervisorB).toEqual(expect.any(String));
    });

    it('refuses marketing on caller data whatever the role', async () => {
      const policy = api.app.get(AccessPolicy);
      for (const role of ['client', 'admin', 'dpo'] as const) {
        await expect(
          policy.authorize(user(role, '66666666-6666-4666-8666-666666666666', role === 'client' ? a.clientId : null), {
            action: 'marketing.export', clientId: a.clientId, data: CallerMessage, purpose: 'marketing', content: false,
          }),
        ).rejects.toMatchObject({ code: 'purpose_refused' });
      }
    });

    it('keeps admins away from caller content over HTTP', async () => {
      const response = await api.http.get(`/messages?clientId=${a.clientId}`).set(bearer(adminToken));
      expect(response.status).toBe(403);
      expect(response.text).not.toContain(CALLER.name);
    });
  });

  describe('break-glass', () => {
    it('is refused without a reason', async () => {
      const response = await api.http.post('/break-glass').set(bearer(dpo.token)).send({ clientId: a.clientId, reason: ' ', durationMinutes: 30 }).expect(400);
      expect(response.body.message).toBe('reason must say why, in at least 10 characters');
    });

    it('opens caller content to the DPO for its time only, and shows in the client trail', async () => {
      await api.http.get(`/messages?clientId=${a.clientId}`).set(bearer(dpo.token)).expect(403);
      const grant = await api.http
        .post('/break-glass')
        .set(bearer(dpo.token))
        .send({ clientId: a.clientId, reason: 'Police request ref 2026/118 under DPA 2018 Sch 2', durationMinutes: 30 })
        .expect(201);
      const during = await api.http.get(`/messages?clientId=${a.clientId}`).set(bearer(dpo.token)).expect(200);
      expect(JSON.stringify(during.body)).toContain(fixturesA.messageId);
      clock.advance(31 * 60_000);
      await api.http.get(`/messages?clientId=${a.clientId}`).set(bearer(dpo.token)).expect(403);
      const trail = await api.http.get('/audit').set(bearer(a.clientUser.token)).expect(200);
      const opened = trail.body.find((e: { action: string }) => e.action === 'break_glass.open');
      expect(opened).toMatchObject({ actorId: dpo.id, actorRole: 'dpo', clientId: a.clientId, subjectId: grant.body.id });
      expect(trail.body.some((e: { actorRole: string; action: string; outcome: string }) => e.actorRole === 'dpo' && e.action === 'message.read' && e.outcome === 'success')).toBe(true);
      expect(trail.body.every((e: { clientId: string }) => e.clientId === a.clientId)).toBe(true);
    });
  });

  describe('audit trail and export', () => {
    it('contain no caller names, numbers, emails or message text', async () => {
      const exported = await api.http.get('/audit/export.csv').set(bearer(adminToken)).expect(200);
      expect(exported.headers['content-type']).toContain('text/csv');
      expect(exported.text.split('\r\n')[0]).toBe('seq,occurredAt,actorId,actorRole,clientId,dataRole,purpose,action,subjectType,subjectId,outcome,details,hash');
      const clientTrail = await api.http.get('/audit').set(bearer(a.clientUser.token)).expect(200);
      for (const text of [exported.text, JSON.stringify(clientTrail.body)]) {
        for (const value of [CALLER.name, CALLER.phone, CALLER.email, CALLER.text, 'Elm Cottage', '7700 900123']) expect(text).not.toContain(value);
      }
      expect(exported.text).toContain(fixturesA.messageId);
    });

    it('records each read of caller data with purpose and instructions version', async () => {
      await api.http.get('/messages').set(bearer(a.clientUser.token)).expect(200);
      const reads = await api.http.get(`/audit?action=message.read&subjectId=${fixturesA.messageId}`).set(bearer(adminToken)).expect(200);
      expect(reads.body[0]).toMatchObject({ purpose: 'service_delivery', dataRole: 'processor', outcome: 'success', details: expect.objectContaining({ instructionsVersion: expect.any(Number) }) });
    });
  });
});
