import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_JSON, renderDocument, SCHEMA_TYPES } from '../tools/openapi';
import { basic, bearer, createParty, uploadRecording } from './support/deliveries-helpers';
import type { Party } from './support/deliveries-helpers';
import { documentedResponse, schemaProblems } from './support/openapi-conformance';
import { login, loginAdmin, startTestApi, startTestWorker } from './support/test-app';
import type { TestApi } from './support/test-app';
import { createTestEnvironment } from './support/test-environment';
import type { TestEnvironment } from './support/test-environment';
import { totpAt } from './support/totp';

const REGENERATE = 'The committed API contract is stale: run `npm run openapi` and commit apps/api/openapi.json and apps/web/src/api/schema.d.ts';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;
const INTAKE = [{ name: 'account_number', type: 'string', required: false }];

let contract: { json: string; types: string };

let document: OpenAPIObject;

const ROOT = join(__dirname, '..');

/** openapi-typescript's Node API, run in a child process (see renderTypes in tools/openapi.ts). */
function typesFor(json: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-C', 'development', '-r', 'ts-node/register/transpile-only', 'tools/openapi.ts', '--types'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`openapi-typescript failed: ${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(json);
  });
}

beforeAll(async () => {
  const json = await renderDocument();
  contract = { json, types: await typesFor(json) };
  document = JSON.parse(json) as OpenAPIObject;
}, 120_000);

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({ path, method, operation: (item as Record<string, any>)[method] })),
  );

describe('the OpenAPI contract', () => {
  it('is committed as the code generates it (apps/api/openapi.json and the portal types)', () => {
    // A plain boolean first, so a stale file fails with the command to run rather than a 5000-line diff.
    const committed = { json: readFileSync(OPENAPI_JSON, 'utf8'), types: readFileSync(SCHEMA_TYPES, 'utf8') };
    if (committed.json !== contract.json || committed.types !== contract.types) throw new Error(REGENERATE);
    expect(committed).toEqual(contract);
  });

  it('passes Redocly CLI lint with the recommended rules, without errors or warnings', async () => {
    const redocly = join(ROOT, 'node_modules/.bin/redocly');
    const run = await promisify(execFile)(redocly, ['lint', OPENAPI_JSON, '--format=json'], { cwd: ROOT }).catch((error: { stdout?: string; code?: number }) => {
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    });
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('gives every operation a summary, a security requirement and its path parameters', () => {
    const missing = operations().flatMap(({ path, method, operation }) => {
      const problems: string[] = [];
      if (!operation.summary) problems.push('summary');
      if (!operation.security) problems.push('security');
      const declared = new Set((operation.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (!declared.has(name)) problems.push(`path parameter ${name}`);
      return problems.map((p) => `${method.toUpperCase()} ${path}: ${p}`);
    });
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThanOrEqual(55);
  });

  it('gives every operation a 2xx response with a body schema, except empty 204s and HEAD probes', () => {
    const bodiless = operations().flatMap(({ path, method, operation }) => {
      const success = Object.entries(operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>).filter(([status]) => /^2/.test(status));
      if (!success.length) return [`${method.toUpperCase()} ${path}: no 2xx response`];
      return success
        .filter(([status, response]) => !(status === '204' || method === 'head') && !Object.values(response.content ?? {}).some((media) => media.schema))
        .map(([status]) => `${method.toUpperCase()} ${path}: ${status} has no body schema`);
    });
    expect(bodiless).toEqual([]);
  });

  it('declares the error responses with the shared error body', () => {
    const wrong = operations().flatMap(({ path, method, operation }) =>
      Object.entries(operation.responses as Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>)
        .filter(([status]) => /^4/.test(status))
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ApiErrorDto')
        .map(([status]) => `${method.toUpperCase()} ${path}: ${status}`),
    );
    expect(wrong).toEqual([]);
  });
});

/**
 * The document against the running API: every JSON answer below must match its documented schema
 * exactly (no missing required field, no undocumented one), so the portal's types are the truth.
 */
describe('the running API answers as documented', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  let dpo: string;
  let party: Party;
  const checked: string[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config);
    worker = await startTestWorker(env.config);
    admin = await loginAdmin(api.http);
    party = await createParty(api.http, admin, 'Conformance Plumbing', { intakeFields: INTAKE });
    const email = `dpo.${Date.now()}@example.test`;
    await api.http.post('/users').set(bearer(admin)).send({ email, password: 'a-long-test-password', role: 'dpo' }).expect(201);
    dpo = await login(api.http, email, 'a-long-test-password');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
  });

  /**
   * Calls the API and checks the answer against the document: a JSON body against its schema, any
   * other body's media type against the documented ones, a 204 against documented emptiness.
   */
  async function call(method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head', path: string, status: number, auth?: string, body?: unknown, form = false): Promise<any> {
    let request = api.http[method](path);
    if (auth) request = request.set('Authorization', auth.startsWith('Basic ') ? auth : `Bearer ${auth}`);
    if (form) request = request.type('form');
    const response = await (body === undefined ? request : request.send(body as object));
    expect({ path, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ path, status, body: undefined });
    const { template, content, headers } = documentedResponse(document, method, path, status);
    // A header the document promises (Retry-After on a 429) is there.
    const missing = Object.entries(headers).filter(([name, header]) => header.required && response.headers[name.toLowerCase()] === undefined);
    expect(missing.map(([name]) => `${method.toUpperCase()} ${path} ${status}: no ${name} header`)).toEqual([]);
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0];
    if (status === 204 || method === 'head') {
      expect(content).toEqual({});
    } else if (mediaType === 'application/json') {
      expect(content['application/json']?.schema).toBeDefined();
      expect(schemaProblems(document, content['application/json'].schema!, response.body).map((p) => `${method.toUpperCase()} ${path} ${status}: ${p}`)).toEqual([]);
    } else {
      expect(Object.keys(content)).toContain(mediaType);
    }
    checked.push(`${method.toUpperCase()} ${template}`);
    return response.body;
  }

  it('for the admin surfaces: clients, instructions, users, ingest keys, public keys', async () => {
    await call('get', '/clients', 200, admin);
    await call('get', `/clients/${party.clientId}`, 200, admin);
    await call('post', '/clients', 201, admin, { name: 'Second Client', contactEmail: 'office@second.example' });
    await call('get', `/clients/${party.clientId}/instructions`, 200, party.client);
    // The whole set: a new version takes only the fields sent from the request (see the report on issue 11).
    await call('post', `/clients/${party.clientId}/instructions`, 201, party.client, { intakeFields: INTAKE, deliveryExpiryHours: 48 });
    await call('get', `/clients/${party.clientId}/instructions/history`, 200, admin);
    await call('get', '/users', 200, admin);
    const key = await call('post', `/clients/${party.clientId}/ingest-keys`, 201, admin, { label: 'PBX' });
    await call('get', `/clients/${party.clientId}/ingest-keys`, 200, admin);
    await call('delete', `/clients/${party.clientId}/ingest-keys/${key.id}`, 204, admin);
    const agentId = (await api.http.get('/users').set(bearer(admin))).body.find((u: { role: string }) => u.role === 'agent').id;
    await call('put', `/users/${agentId}/clients`, 204, admin, { clientIds: [] });
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    await call('put', `/clients/${party.clientId}/public-key`, 200, admin, { pem: publicKey.export({ type: 'spki', format: 'pem' }) });
    await call('get', `/clients/${party.clientId}/public-key`, 200, party.client);
  });

  it('for capture, reading and delivery: calls, messages, recordings, deliveries', async () => {
    const startedAt = new Date().toISOString();
    const created = await call('post', '/calls', 201, party.agent, { clientId: party.clientId, externalRef: 'pbx-1', callerNumber: '+44 20 7946 0000', startedAt });
    await call('post', '/calls', 200, party.agent, { clientId: party.clientId, externalRef: 'pbx-1', callerNumber: '+44 20 7946 0000', startedAt });
    await call('get', `/calls?externalRef=pbx-1&clientId=${party.clientId}`, 200, party.agent);
    await call('post', `/calls/${created.id}/messages`, 201, party.agent, {
      callerName: 'Ada Caller',
      callerPhone: '+44 20 7946 0000',
      callerEmail: 'ada@caller.example',
      body: 'Please call back',
      urgency: 'urgent',
      callbackRequested: true,
      customFields: { account_number: 'A-1' },
    });
    const upload = await uploadRecording(api, party.agent, created.id, 4096);
    expect(upload.status).toBe(201);
    expect(schemaProblems(document, documentedResponse(document, 'put', `/calls/${created.id}/recording`, 201).content['application/json'].schema!, upload.body)).toEqual([]);
    checked.push('PUT /calls/{callId}/recording');

    await call('get', '/messages', 200, party.client);
    await call('get', '/messages', 200, party.agent);
    const recordings = await call('get', '/recordings', 200, party.client);
    await call('get', `/recordings/${recordings[0].id}`, 200, party.client);

    const delivery = await call('post', '/deliveries', 201, party.client, {});
    await call('get', '/deliveries', 200, party.client);
    await call('get', `/deliveries/${delivery.id}`, 200, party.client);
    await call('get', `/deliveries/${delivery.id}/download`, 401, basic(delivery.id, 'not-the-password'));
    await call('head', `/deliveries/${delivery.id}/download`, 200, basic(delivery.id, delivery.password));
    await call('get', `/deliveries/${delivery.id}/download`, 200, basic(delivery.id, delivery.password));
    // Sent whole, it awaits the receipt (the digest the server recorded stands in for the client's own).
    const sent = await call('get', `/deliveries/${delivery.id}`, 200, party.client);
    await call('post', `/deliveries/${delivery.id}/receipt`, 200, basic(delivery.id, delivery.password), { sha256: sent.archiveSha256 });
    await call('get', `/deliveries/${delivery.id}/download`, 410, basic(delivery.id, delivery.password));
  });

  it('for the accountability record and break-glass', async () => {
    await call('get', '/audit?limit=50', 200, admin);
    await call('get', '/audit', 200, party.client);
    await call('get', '/audit/verify', 200, dpo);
    await call('get', '/audit/export.csv?action=message.read', 200, party.client);
    const grant = await call('post', '/break-glass', 201, dpo, { clientId: party.clientId, reason: 'Regulator complaint about a call', durationMinutes: 30 });
    await call('get', '/break-glass', 200, dpo);
    await call('post', `/break-glass/${grant.id}/close`, 200, dpo);
    await call('get', '/audit/verification', 200, party.client);
  });

  it('for data subject requests, as the DPO and as the client they are forwarded to', async () => {
    const request = await call('post', '/dsr', 201, dpo, { type: 'access', subject: { name: 'Ada Caller', phone: '+44 20 7946 0000', email: 'ada@caller.example' } });
    expect(request.forwards.length).toBeGreaterThan(0);
    await call('get', '/dsr', 200, dpo);
    await call('get', `/dsr/${request.id}`, 200, dpo);
    await call('post', `/dsr/${request.id}/actions`, 200, dpo, { action: 'verify_identity', method: 'document' });
    await call('get', '/dsr', 200, party.client);
    await call('get', `/dsr/${request.id}`, 200, party.client);
    const answered = await call('post', `/dsr/${request.id}/actions`, 200, party.client, { action: 'export' });
    expect(answered).toHaveProperty('delivery');
    await call('get', `/dsr/${request.id}/export`, 200, party.client);
    const rectification = await call('post', '/dsr', 201, dpo, { type: 'rectification', subject: { email: 'ada@caller.example' }, rectification: { name: 'Ada Lovelace' } });
    await call('post', `/dsr/${rectification.id}/actions`, 200, dpo, { action: 'extend', months: 1, reason: 'The request is complex and needs records from two systems' });
  });

  it('for the registers: breaches, marketing consent, sub-processors; usage; retention', async () => {
    const breach = await call('post', '/breaches', 201, dpo, {
      detectedAt: new Date().toISOString(),
      nature: 'Laptop stolen from a car',
      dataCategories: ['client_contact', 'caller_message'],
      affectsCallerData: true,
      affectsOperatorData: true,
      affectedClientIds: [party.clientId],
      likelyConsequences: 'Contact details could be misused',
      measuresTaken: 'Disk encrypted; credentials revoked',
      highRisk: true,
    });
    await call('get', '/breaches', 200, dpo);
    await call('get', `/breaches/${breach.id}`, 200, dpo);
    await call('post', `/breaches/${breach.id}/actions`, 200, dpo, { action: 'notify_client', clientId: party.clientId, channel: 'email' });
    await call('post', `/breaches/${breach.id}/actions`, 200, dpo, { action: 'notify_regulator', reference: 'ICO-123' });

    const consent = await call('post', '/marketing/consents', 201, dpo, {
      subjectType: 'prospect',
      name: 'Pat Prospect',
      email: 'pat@prospect.example',
      wording: 'Yes, send me offers about CallVault services by e-mail',
      channel: 'web_form',
      positiveAction: true,
      positiveActionDescription: 'ticked the unticked opt-in box',
    });
    await call('get', '/marketing/consents', 200, admin);
    await call('post', '/marketing/exports', 200, admin, { source: 'consents', channel: 'email' });
    await call('post', `/marketing/consents/${consent.id}/withdraw`, 200, dpo, { channel: 'email' });
    await call('post', '/marketing/opt-outs', 200, dpo, { phone: '+44 20 7946 0999', channel: 'phone' });
    await call('get', '/marketing/suppressions', 200, dpo);

    const base = { purpose: 'Overflow call answering', dataCategories: ['caller_message'], contractDate: '2026-01-31' };
    const abroad = await call('post', '/sub-processors', 201, dpo, { ...base, name: 'Far Away BPO', location: 'IN', transferMechanism: 'sccs', transferMechanismReference: 'EU SCCs 2021/914' });
    await call('get', '/sub-processors', 200, admin);
    await call('get', `/sub-processors/${abroad.id}`, 200, dpo);
    await call('patch', `/sub-processors/${abroad.id}`, 200, dpo, { purpose: 'Overflow answering and triage' });
    await call('post', `/sub-processors/${abroad.id}/transfers`, 201, admin, { dataCategories: ['caller_message'], purpose: 'Overflow answering in May' });

    const today = new Date().toISOString().slice(0, 10);
    await call('get', `/clients/${party.clientId}/usage?from=${today}&to=${today}`, 200, party.client);
    await call('get', `/clients/${party.clientId}/usage?from=${today}&to=${today}&format=csv`, 200, admin);
    await call('post', `/clients/${party.clientId}/termination`, 200, admin, {});
    await call('post', '/retention/run', 200, admin);
  });

  it('for sessions and accounts: sign-in, the portal session, passwords, lockout, second factor, user administration', async () => {
    const email = `walker.${Date.now()}@example.test`;
    const user = await call('post', '/users', 201, admin, { email, password: 'a-long-test-password', role: 'admin' });
    const signedIn = await call('post', '/auth/login', 200, undefined, { email, password: 'a-long-test-password' });
    await call('get', '/auth/me', 200, signedIn.accessToken);
    await call('post', '/auth/session', 200, undefined, { email, password: 'a-long-test-password' });
    await call('post', '/auth/session/end', 204);
    const enrolment = await call('post', '/auth/totp/enrol', 201, signedIn.accessToken);
    await call('post', '/auth/totp/confirm', 200, signedIn.accessToken, { code: totpAt(enrolment.secret, new Date()) });
    await call('delete', `/users/${user.id}/totp`, 200, admin);
    const again = await call('post', '/auth/login', 200, undefined, { email, password: 'a-long-test-password' });
    await call('post', '/auth/password', 204, again.accessToken, { currentPassword: 'a-long-test-password', newPassword: 'another-long-test-password' });
    const reset = await call('post', `/users/${user.id}/password-reset`, 201, admin);
    await call('post', '/auth/password-reset', 204, undefined, { token: reset.token, newPassword: 'a-third-long-test-password' });
    // Wrong passwords lock the account: 429 with Retry-After, until an admin lifts it.
    for (let i = 0; i < 5; i++) await call('post', '/auth/login', 401, undefined, { email, password: 'not-the-password' });
    await call('post', '/auth/login', 429, undefined, { email, password: 'a-third-long-test-password' });
    await call('post', `/users/${user.id}/unlock`, 204, admin);
    const last = await call('post', '/auth/login', 200, undefined, { email, password: 'a-third-long-test-password' });
    await call('post', '/auth/logout', 204, last.accessToken);
    await call('post', `/users/${user.id}/disable`, 200, admin);
    await call('post', `/users/${user.id}/enable`, 200, admin);
    const agent = (await api.http.get('/users').set(bearer(admin))).body.find((u: { role: string }) => u.role === 'agent');
    await call('get', `/users/${agent.id}/clients`, 200, admin);
  });

  // The first party's contract ended in the registers' walk: these walks use clients of their own.
  it("for the consoles: the agent's, the client's inbox and corrections, contact details, daily usage", async () => {
    const party = await createParty(api.http, admin, 'Conformance Consoles', { intakeFields: INTAKE });
    await call('get', '/agent/limits', 200, party.agent);
    await call('get', '/agent/clients?search=conformance', 200, party.agent);
    const call_ = await call('post', '/calls', 201, party.agent, { clientId: party.clientId, callerNumber: '+44 20 7946 0001', startedAt: new Date().toISOString() });
    const message = await call('post', `/calls/${call_.id}/messages`, 201, party.agent, { callerName: 'Bo Caller', callerPhone: '+44 20 7946 0001', body: 'Call me', customFields: { account_number: 'B-2' } });
    await call('patch', `/messages/${message.id}`, 200, party.agent, { body: 'Call me after five', callerEmail: null });
    await call('get', '/messages/unread-count', 200, party.client);
    await call('post', `/messages/${message.id}/read`, 200, party.client);
    await call('post', `/messages/${message.id}/actioned`, 200, party.client);
    await call('patch', `/clients/${party.clientId}`, 200, admin, { contactName: 'Front Desk', contactPhone: null });
    const today = new Date().toISOString().slice(0, 10);
    await call('get', `/clients/${party.clientId}/usage/daily?from=${today}&to=${today}`, 200, party.client);
  });

  it("for notices and webhooks, and a delivery asked for on the client's behalf", async () => {
    const party = await createParty(api.http, admin, 'Conformance Notices', { intakeFields: INTAKE });
    const settings = { emailRecipients: [{ address: 'downloads@conformance.example', events: ['delivery.ready'] }], escalationMinutes: 15, escalationEmail: 'manager@conformance.example', dailySummary: true };
    await call('post', `/clients/${party.clientId}/instructions`, 201, party.client, { intakeFields: INTAKE, notifications: settings });
    await call('get', `/clients/${party.clientId}/instructions`, 200, admin);
    // Email is off here, so the client's delivery contact is its webhook; without it, the request is refused.
    await call('post', '/deliveries', 403, admin, { clientId: party.clientId });
    const hook = await call('post', `/clients/${party.clientId}/webhooks`, 201, party.client, { url: 'http://127.0.0.1:9/callvault', events: ['delivery.ready'] });
    await call('get', `/clients/${party.clientId}/webhooks`, 200, admin);
    const call_ = await call('post', '/calls', 201, party.agent, { clientId: party.clientId, callerNumber: '+44 20 7946 0002', startedAt: new Date().toISOString() });
    await call('post', `/calls/${call_.id}/messages`, 201, party.agent, { callerName: 'Cy Caller', callerPhone: '+44 20 7946 0002', body: 'Ring back', customFields: {} });
    const requested = await call('post', '/deliveries', 202, admin, { clientId: party.clientId });
    expect(requested).not.toHaveProperty('password');
    await call('get', `/notifications?clientId=${party.clientId}`, 200, admin);
    await call('get', '/notifications', 200, admin);
    await call('get', '/notifications?limit=5', 200, party.client);
    await call('get', '/notifications', 200, dpo);
    await call('delete', `/clients/${party.clientId}/webhooks/${hook.id}`, 204, party.client);
    // The portal's form download of a client's own delivery.
    const own = await call('post', '/deliveries', 201, party.client, { messageIds: [] });
    await call('post', `/deliveries/${own.id}/download`, 200, undefined, { password: own.password }, true);
  });

  it('with the shared error body, for validation, authentication, role and existence errors', async () => {
    await call('post', '/auth/login', 200, undefined, { email: 'admin@callvault.test', password: 'admin-password-for-tests' });
    await call('post', '/auth/login', 401, undefined, { email: 'nobody@example.test', password: 'wrong' });
    await call('post', '/clients', 400, admin, { name: '', unknown: true });
    await call('get', '/clients', 401);
    await call('get', '/clients', 403, party.client);
    await call('get', '/clients/00000000-0000-4000-8000-000000000000', 404, admin);
    await call('get', '/health', 200);
  });

  it('has walked nearly every documented operation (run after the tests above)', () => {
    // Keeps the walk honest as routes are added: add a new route's call above. (A fraction, not all,
    // so a merge that adds a few documented routes does not fail here before its walk is extended.)
    const all = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    const unchecked = all.filter((op) => !checked.includes(op));
    expect({ covered: all.length - unchecked.length >= 0.9 * all.length, unchecked }).toMatchObject({ covered: true });
  });
});
