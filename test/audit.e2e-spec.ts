import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { appRoleName, databaseName } from '#config';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';
import { loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';

describe('audit log: append-only, hash-chained', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let adminToken: string;
  let appConnection: DataSource;

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config);
    adminToken = await loginAdmin(api.http);
    appConnection = api.app.get<DataSource>(getDataSourceToken());
    await api.http.post('/clients').set('Authorization', `Bearer ${adminToken}`).send({ name: 'Chain Co' }).expect(201);
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
  });

  it('verifies the chain and reports its head', async () => {
    const response = await api.http.get('/audit/verify').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(response.body).toEqual({ ok: true, events: expect.any(Number), head: { seq: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(response.body.events).toBeGreaterThanOrEqual(3);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    const audit = api.app.get(AuditService);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.append({ actor: { id: null, role: 'system' }, dataRole: 'controller', purpose: 'security', action: 'test.concurrent', outcome: 'success', details: { i } }),
      ),
    );
    const result = await audit.verify();
    expect(result.ok).toBe(true);
  });

  it('runs the application as a role that owns nothing and is not a superuser', async () => {
    const [who] = await appConnection.query(`SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`);
    expect(who).toEqual({ role: appRoleName(databaseName(env.config.databaseUrl)), superuser: false });
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET outcome = 'denied' WHERE seq = 1`],
    ['DELETE', `DELETE FROM audit_events WHERE seq = 1`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('refuses %s from the application connection', async (_, sql) => {
    await expect(appConnection.query(sql)).rejects.toThrow(/permission denied|append-only/);
  });

  it('refuses UPDATE even from the owner, by trigger', async () => {
    await expect(ownerQuery(env.config, `UPDATE audit_events SET outcome = 'denied' WHERE seq = 1`)).rejects.toThrow('audit_events is append-only: UPDATE refused');
    await expect(ownerQuery(env.config, `TRUNCATE audit_events`)).rejects.toThrow('append-only: TRUNCATE refused');
  });

  it('filters by action, actor and time', async () => {
    const all = await api.http.get('/audit?action=client.create').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(all.body).toHaveLength(1);
    const future = await api.http.get(`/audit?from=${new Date(Date.now() + 3600_000).toISOString()}`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(future.body).toEqual([]);
    await api.http.get('/audit?from=yesterday').set('Authorization', `Bearer ${adminToken}`).expect(400);
  });

  it('names the event a superuser changed behind the triggers', async () => {
    const client = new (require('pg').Client)({ connectionString: env.config.databaseUrl });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_events SET outcome = 'denied' WHERE seq = 2`);
    } finally {
      await client.end();
    }
    const response = await api.http.get('/audit/verify').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(response.body).toMatchObject({ ok: false, events: 1, broken: { seq: '2', reason: 'stored fields differ from the hashed text' } });
  });
});
