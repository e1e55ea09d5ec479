import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#database';
import { schema } from '#platform';
import { AuditPendingEvents1700000002020 } from '../../libs/audit/src/migrations/1700000002020-AuditPendingEvents';
import { loginAdmin, ownerQuery, startTestApi, TestApi } from '../support/test-app';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Migration 1700000002020 on a database in use: events written but not chained when it runs (before:
 * rows of audit_events without a place) move to audit_pending_events, and the next chain pass chains
 * them after the events already chained; its down migration puts them back.
 */
describe('audit events pending across migration 1700000002020', () => {
  let env: TestEnvironment;
  let owner: DataSource;
  let api: TestApi | undefined;
  const migration = new AuditPendingEvents1700000002020();
  const pendingRow = (action: string) =>
    `INSERT INTO audit_pending_events (occurred_at, actor_role, data_role, purpose, action, outcome, details) VALUES (now(), 'system', 'controller', 'security', '${action}', 'allowed', '{"n": 1}')`;

  beforeAll(async () => {
    env = await createTestEnvironment();
    owner = await new DataSource(dataSourceOptions(env.config.databaseUrl, schema, { as: 'owner', poolSize: 1 })).initialize();
  });

  afterAll(async () => {
    await api?.close();
    await owner?.destroy();
    await env?.destroy();
  });

  async function migrate(step: 'up' | 'down') {
    const runner = owner.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration[step](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }

  it('moves unchained events to the pending table and back, and the chain takes them in order', async () => {
    await ownerQuery(env.config, pendingRow('test.before_down'));
    await migrate('down');
    const before = await ownerQuery<{ action: string; seq: string | null }>(env.config, `SELECT action, seq FROM audit_events WHERE action LIKE 'test.%'`);
    expect(before).toEqual([{ action: 'test.before_down', seq: null }]);
    // Written the old way while the old schema is in place: not chained yet when the migration runs.
    await ownerQuery(env.config, `INSERT INTO audit_events (occurred_at, actor_role, data_role, purpose, action, outcome) VALUES (now(), 'system', 'controller', 'security', 'test.old_way', 'allowed')`);

    await migrate('up');
    const pending = await ownerQuery<{ action: string }>(env.config, `SELECT action FROM audit_pending_events ORDER BY id`);
    expect(pending.map((p) => p.action)).toEqual(['test.before_down', 'test.old_way']);
    expect(await ownerQuery(env.config, `SELECT id FROM audit_events WHERE seq IS NULL`)).toEqual([]);

    api = await startTestApi(env.config);
    const admin = await loginAdmin(api.http);
    const verified = await api.http.get('/audit/verify').set({ Authorization: `Bearer ${admin}` }).expect(200);
    expect(verified.body).toMatchObject({ ok: true });
    const chained = await ownerQuery<{ action: string; seq: string; details: Record<string, unknown> }>(
      env.config,
      `SELECT action, seq, details FROM audit_events WHERE action LIKE 'test.%' ORDER BY seq`,
    );
    expect(chained).toEqual([
      { action: 'test.before_down', seq: expect.any(String), details: { n: 1 } },
      { action: 'test.old_way', seq: expect.any(String), details: {} },
    ]);
    expect(await ownerQuery(env.config, `SELECT id FROM audit_pending_events`)).toEqual([]);
  });
});
