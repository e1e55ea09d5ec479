import { createHash } from 'node:crypto';
import { ManualClock } from '#clock';
import { createClientWithUsers, loginAdmin, ownerQuery, startTestApi, TestApi } from '../support/test-app';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { createClient, createStaff, seedCall, seedMessage } from './compliance-fixtures';

const HOUR = 3_600_000;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The breach register (D11), marketing consent and suppression (D3, D13), and the sub-processor register (D14). */
describe('compliance: registers', () => {
  const clock = new ManualClock(new Date('2026-05-04T12:00:00Z'));
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  let dpo: { id: string; token: string };
  let a: Awaited<ReturnType<typeof createClientWithUsers>>;
  let b: Awaited<ReturnType<typeof createClientWithUsers>>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    adminToken = await loginAdmin(api.http);
    dpo = await createStaff(api.http, adminToken, 'dpo', 'dpo@callvault.test');
    a = await createClientWithUsers(api.http, adminToken, 'Client A');
    b = await createClientWithUsers(api.http, adminToken, 'Client B');
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  describe('breach register', () => {
    const record = async (body: Record<string, unknown>) => (await api.http.post('/breaches').set(bearer(dpo.token)).send(body).expect(201)).body;
    const act = (id: string, body: Record<string, unknown>) => api.http.post(`/breaches/${id}/actions`).set(bearer(dpo.token)).send(body);
    const common = { nature: 'Laptop stolen from a car', likelyConsequences: 'Contact details could be misused', measuresTaken: 'Disk encrypted; credentials revoked' };

    it('D11: every breach stays on the register; operator data has the regulator 72 h clock, caller data a notice per affected client', async () => {
      clock.set(new Date('2026-05-04T12:00:00Z'));
      const detectedAt = new Date(clock.now().getTime() - 10 * HOUR).toISOString();
      const operator = await record({ ...common, detectedAt, dataCategories: ['client_contact'], affectsCallerData: false, affectsOperatorData: true, highRisk: true, approxSubjects: 40, approxRecords: 40 });
      expect(operator).toMatchObject({
        regulatorDueAt: '2026-05-07T02:00:00.000Z',
        regulator: { dueAt: '2026-05-07T02:00:00.000Z', hoursLeft: 62, overdue: false, notifiedAt: null },
        subjects: { mustBeInformed: true, pending: true },
        affectedClients: [],
      });

      const caller = await record({ ...common, detectedAt, dataCategories: ['caller_message'], affectsCallerData: true, affectsOperatorData: false, affectedClientIds: [a.clientId, b.clientId] });
      expect(caller).toMatchObject({ regulatorDueAt: null, regulator: null, clientsAwaitingNotice: 2 });
      expect(caller.affectedClients).toEqual(
        [a.clientId, b.clientId].sort().map((clientId) => ({ clientId, notifyBy: '2026-05-05T02:00:00.000Z', notifiedAt: null, channel: null, overdue: false })),
      );
      await api.http.post('/breaches').set(bearer(dpo.token)).send({ ...common, detectedAt, dataCategories: ['caller_message'], affectsCallerData: true, affectsOperatorData: false }).expect(400);
      // A caller-data breach is each client's to report to the regulator; the operator notifies the clients.
      expect((await act(caller.id, { action: 'notify_regulator' }).expect(409)).body.code).toBe('client_reports');
      const notified = (await act(caller.id, { action: 'notify_client', clientId: a.clientId, channel: 'email' }).expect(200)).body;
      expect(notified.clientsAwaitingNotice).toBe(1);
      expect(notified.affectedClients.find((c: { clientId: string }) => c.clientId === a.clientId)).toMatchObject({ notifiedAt: clock.now().toISOString(), channel: 'email' });
      await act(caller.id, { action: 'notify_client', clientId: a.clientId }).expect(409);

      // 63 hours later the regulator's deadline has passed: the register says so, and a late notice is flagged.
      clock.advance(63 * HOUR);
      const list = (await api.http.get('/breaches').set(bearer(dpo.token)).expect(200)).body;
      expect(list.find((x: { id: string }) => x.id === operator.id).regulator).toMatchObject({ overdue: true, hoursLeft: -1 });
      expect(list.find((x: { id: string }) => x.id === caller.id).affectedClients.find((c: { clientId: string }) => c.clientId === b.clientId).overdue).toBe(true);
      expect((await act(operator.id, { action: 'decide_regulator_not_required', reason: 'Encrypted disk, no risk' }).expect(409)).body.code).toBe('high_risk');
      const late = (await act(operator.id, { action: 'notify_regulator', reference: 'ICO-2026-0042' }).expect(200)).body;
      expect(late.regulator).toMatchObject({ notifiedLate: true, reference: 'ICO-2026-0042', hoursLeft: null, overdue: false });
      expect((await act(operator.id, { action: 'inform_subjects' }).expect(200)).body.subjects).toMatchObject({ informedAt: clock.now().toISOString(), pending: false });

      // A breach that needs no notification is recorded all the same, with the documented decision.
      const minor = await record({ ...common, detectedAt: clock.now().toISOString(), dataCategories: ['operator_user'], affectsCallerData: false, affectsOperatorData: true });
      await act(minor.id, { action: 'decide_regulator_not_required', reason: 'Encrypted, key not exposed; unlikely to result in a risk' }).expect(200);
      const all = (await api.http.get('/breaches').set(bearer(dpo.token)).expect(200)).body;
      expect(all.map((x: { id: string }) => x.id).sort()).toEqual([operator.id, caller.id, minor.id].sort());
      await expect(ownerQuery(env.config, 'DELETE FROM breaches WHERE id = $1', [minor.id])).rejects.toThrow(/keeps every breach/);
      await expect(ownerQuery(env.config, 'DELETE FROM breach_affected_clients WHERE breach_id = $1', [caller.id])).rejects.toThrow(/keeps every breach/);
      // Only the DPO works the register (admins read it in their console); each affected client's trail records the breach by id.
      await api.http.get('/breaches').set(bearer(adminToken)).expect(200);
      await api.http.post('/breaches').set(bearer(adminToken)).send({}).expect(403);
      await api.http.post(`/breaches/${caller.id}/actions`).set(bearer(adminToken)).send({ action: 'notify_client' }).expect(403);
      const trail = (await api.http.get('/audit?action=breach.client_affected').set(bearer(b.clientUser.token)).expect(200)).body;
      expect(trail).toEqual([expect.objectContaining({ clientId: b.clientId, subjectId: caller.id })]);
    });
  });

  describe('marketing consent and suppression', () => {
    const consent = (body: Record<string, unknown>) => api.http.post('/marketing/consents').set(bearer(dpo.token)).send(body);
    const exportList = async (body: Record<string, unknown>, status = 200) => (await api.http.post('/marketing/exports').set(bearer(adminToken)).send(body).expect(status)).body;
    const optIn = { wording: 'Yes, send me offers about CallVault services by e-mail', channel: 'web_form', positiveAction: true, positiveActionDescription: 'ticked the unticked opt-in box' };

    it('D13: consent only by positive action, withdrawal at any time, and the suppression list (keyed hashes) checked before every export', async () => {
      const refused = await consent({ ...optIn, subjectType: 'prospect', email: 'silent@example.com', positiveAction: false }).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'positive_action_required', message: expect.stringContaining('positive action') });
      const p1 = (await consent({ ...optIn, subjectType: 'prospect', name: 'Pat One', email: 'pat.one@example.com' }).expect(201)).body;
      expect(p1).toMatchObject({ wording: optIn.wording, channel: 'web_form', positiveAction: 'ticked the unticked opt-in box', givenAt: clock.now().toISOString(), withdrawnAt: null });
      await consent({ ...optIn, subjectType: 'prospect', name: 'Pat Two', email: 'pat.two@example.com' }).expect(201);
      const emails = (list: { recipients: { email: string }[] }) => list.recipients.map((r) => r.email).sort();
      expect(emails(await exportList({ source: 'consents', channel: 'email' }))).toEqual(['pat.one@example.com', 'pat.two@example.com']);

      // Withdrawal at any time: gone from the next export, and suppressed.
      await api.http.post(`/marketing/consents/${p1.id}/withdraw`).set(bearer(dpo.token)).send({ channel: 'unsubscribe_link' }).expect(200);
      expect(emails(await exportList({ source: 'consents', channel: 'email' }))).toEqual(['pat.two@example.com']);

      // Client contacts may be marketed to unless they opt out (seed 000); the opt-out suppresses them everywhere.
      await createClient(api.http, adminToken, { name: 'Dave Deli', contactName: 'Dave', contactEmail: 'dave@deli.example' });
      expect(emails(await exportList({ source: 'client_contacts', channel: 'email' }))).toContain('dave@deli.example');
      const optOut = (await api.http.post('/marketing/opt-outs').set(bearer(adminToken)).send({ email: 'DAVE@deli.example', channel: 'phone' }).expect(200)).body;
      expect(optOut).toEqual({ withdrawn: 0, suppressed: 1 });
      const contacts = await exportList({ source: 'client_contacts', channel: 'email' });
      expect(emails(contacts)).not.toContain('dave@deli.example');
      expect(contacts.excluded.suppressed).toBe(1);
      // The same opt-out reaches a consent given under another form of the address.
      await consent({ ...optIn, subjectType: 'client_contact', email: 'pat.two@example.com' }).expect(201);
      await api.http.post('/marketing/opt-outs').set(bearer(dpo.token)).send({ email: 'Pat.Two@Example.com', channel: 'email' }).expect(200);
      expect(emails(await exportList({ source: 'consents', channel: 'email' }))).toEqual([]);

      // The list holds keyed hashes only: no address, and not a plain hash of one either.
      const rows = await ownerQuery<{ identifier_hash: string }>(env.config, 'SELECT identifier_hash FROM marketing_suppressions');
      expect(rows.length).toBe(3); // pat.one (withdrawal), dave and pat.two (opt-outs)
      expect(JSON.stringify(rows)).not.toMatch(/dave|pat|example/i);
      const plain = ['dave@deli.example', 'email:dave@deli.example'].map((v) => createHash('sha256').update(v).digest('hex'));
      expect(rows.map((r) => r.identifier_hash)).not.toEqual(expect.arrayContaining([plain[0]]));
      expect(rows.map((r) => r.identifier_hash)).not.toEqual(expect.arrayContaining([plain[1]]));
      expect((await api.http.get('/marketing/suppressions').set(bearer(adminToken)).expect(200)).body).toEqual({ entries: 3 });

      // Changing one's mind is a new positive action: it lifts the suppression.
      await consent({ ...optIn, subjectType: 'client_contact', email: 'dave@deli.example' }).expect(201);
      expect(emails(await exportList({ source: 'client_contacts', channel: 'email' }))).toContain('dave@deli.example');
    });

    it("D3: a marketing export built from caller data is refused unless that caller's express permission is on record", async () => {
      const call = await seedCall(env.config, { clientId: a.clientId, callerNumber: '+447700900444', startedAt: clock.now() });
      const eve = await seedMessage(env.config, { clientId: a.clientId, callId: call, name: 'Eve Caller', phone: '+44 7700 900444', email: 'eve@caller.example', body: 'Please call me back' });
      const frank = await seedMessage(env.config, { clientId: a.clientId, callId: call, name: 'Frank Caller', phone: '+44 7700 900445', email: 'frank@caller.example', body: 'Order status?' });
      const callerExport = (ids: string[], status: number) => exportList({ source: 'caller_data', channel: 'email', clientId: a.clientId, callerMessageIds: ids }, status);

      const none = await callerExport([eve, frank], 403);
      expect(none).toMatchObject({ statusCode: 403, code: 'caller_permission_missing', message: expect.stringContaining("express permission") });
      expect(JSON.stringify(none)).not.toMatch(/Eve|Frank|caller\.example/);

      // Eve gives express permission during a call for client A.
      const eveConsent = (await consent({ ...optIn, subjectType: 'caller', clientId: a.clientId, email: 'eve@caller.example', channel: 'in_call', positiveActionDescription: 'said yes when asked, recorded by the agent' }).expect(201)).body;
      expect(await callerExport([eve], 200)).toMatchObject({ source: 'caller_data', recipients: [{ name: 'Eve Caller', email: 'eve@caller.example' }] });
      expect(await callerExport([eve, frank], 403)).toMatchObject({ message: expect.stringContaining(frank) });
      // A caller consent is bound to the client whose call it was: Frank's permission for client B does not count for A.
      await consent({ ...optIn, subjectType: 'caller', clientId: b.clientId, email: 'frank@caller.example', channel: 'in_call' }).expect(201);
      await callerExport([frank], 403);
      // Withdrawn permission refuses again.
      await api.http.post(`/marketing/consents/${eveConsent.id}/withdraw`).set(bearer(dpo.token)).send({ channel: 'phone' }).expect(200);
      await callerExport([eve], 403);
      // Another client's caller cannot be named at all.
      const bCall = await seedCall(env.config, { clientId: b.clientId, callerNumber: '+447700900446', startedAt: clock.now() });
      const bMessage = await seedMessage(env.config, { clientId: b.clientId, callId: bCall, name: 'Gina', phone: '+44 7700 900446', body: 'hi' });
      await callerExport([bMessage], 404);

      const denied = (await api.http.get('/audit?action=marketing.export').set(bearer(dpo.token)).expect(200)).body.filter((e: { outcome: string }) => e.outcome === 'denied');
      expect(denied.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(denied)).not.toMatch(/eve|frank|caller\.example/i);
      // Marketing exports are the operator's business: not the DPO's route, nor a client's.
      await api.http.post('/marketing/exports').set(bearer(a.clientUser.token)).send({ source: 'consents', channel: 'email' }).expect(403);
    });
  });

  describe('sub-processor register', () => {
    const base = { purpose: 'Overflow call answering', dataCategories: ['caller_message', 'call'], contractDate: '2025-09-01' };

    it('D14: a sub-processor outside the UK/EEA needs adequacy, SCCs or BCRs; a transfer without one is refused', async () => {
      const missing = await api.http.post('/sub-processors').set(bearer(dpo.token)).send({ ...base, name: 'Far Away BPO', location: 'IN' }).expect(400);
      expect(missing.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'transfer_mechanism_required',
        message: expect.stringMatching(/outside the UK and the EEA.*adequacy decision.*standard contractual clauses.*binding corporate rules/),
      });
      const falseAdequacy = await api.http.post('/sub-processors').set(bearer(dpo.token)).send({ ...base, name: 'Far Away BPO', location: 'IN', transferMechanism: 'adequacy' }).expect(400);
      expect(falseAdequacy.body.message).toMatch(/IN has no adequacy decision/);

      const abroad = (
        await api.http
          .post('/sub-processors')
          .set(bearer(dpo.token))
          .send({ ...base, name: 'Far Away BPO', location: 'in', transferMechanism: 'sccs', transferMechanismReference: 'EU SCCs 2021/914 module 3 + UK addendum' })
          .expect(201)
      ).body;
      expect(abroad).toMatchObject({ location: 'IN', transferMechanism: 'sccs', dataCategories: ['caller_message', 'call'], contractDate: '2025-09-01' });
      const home = (await api.http.post('/sub-processors').set(bearer(dpo.token)).send({ ...base, name: 'Leeds Overflow Ltd', location: 'GB' }).expect(201)).body;
      expect(home.transferMechanism).toBeNull();
      await api.http.post('/sub-processors').set(bearer(dpo.token)).send({ ...base, name: 'Future Co', location: 'GB', contractDate: '2027-01-01' }).expect(400);

      const transfer = (body: Record<string, unknown>, id = abroad.id) => api.http.post(`/sub-processors/${id}/transfers`).set(bearer(adminToken)).send(body);
      expect((await transfer({ dataCategories: ['caller_message'], purpose: 'Overflow answering in May' }).expect(201)).body).toMatchObject({ location: 'IN', transferMechanism: 'sccs' });
      expect((await transfer({ dataCategories: ['recording'], purpose: 'Overflow answering in May' }).expect(409)).body.code).toBe('category_not_covered');

      // The clauses lapse: the register records it, and from then on every transfer is refused.
      await api.http.patch(`/sub-processors/${abroad.id}`).set(bearer(dpo.token)).send({ transferMechanism: null, transferMechanismReference: null }).expect(200);
      const refused = await transfer({ dataCategories: ['caller_message'], purpose: 'Overflow answering in June' }).expect(409);
      expect(refused.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'transfer_mechanism_required', message: expect.stringContaining('Transfer refused: IN is outside the UK and the EEA') });
      // Moving a UK sub-processor abroad without a safeguard is refused too.
      expect((await api.http.patch(`/sub-processors/${home.id}`).set(bearer(dpo.token)).send({ location: 'US' }).expect(409)).body.code).toBe('transfer_mechanism_required');
      await transfer({ dataCategories: ['call'], purpose: 'Overflow answering in June' }, home.id).expect(201);

      const transfers = (await api.http.get('/audit?action=sub_processor.transfer').set(bearer(dpo.token)).expect(200)).body;
      expect(transfers.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['denied', 'denied', 'success', 'success']);
      await api.http.post('/sub-processors').set(bearer(adminToken)).send({ ...base, name: 'Admin Co', location: 'GB' }).expect(403);
    });
  });
});
