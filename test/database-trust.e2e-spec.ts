import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AuditService } from '#audit';
import { AppConfig, appRoleName, databaseName, loadConfig } from '#config';
import { dropDatabase, UntrustedDatabaseLoginError } from '#database';
import { prepareDatabaseForStart } from '#platform';
import { AuditSequencer } from '../libs/audit/src/audit-sequencer';
import { bearer, createParty, eventually, logCall, Party } from './support/deliveries-helpers';
import { buildEntryPoints, startEntryPoint } from './support/entry-points';
import { loginAdmin, ownerQuery, startTestApi, TestApi } from './support/test-app';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';

const unique = () => `cvtest_${process.pid}_${randomBytes(4).toString('hex')}`;

/** Issue 10, points 1 and 2: the runtime login cannot undo RLS, the triggers or the audit log, and cannot forge segments. */
describe('database trust: two identities, audit segments the application cannot forge', () => {
  let env: TestEnvironment;
  let api: TestApi;
  let admin: string;
  let app: DataSource;
  let a: Party;
  let b: Party;
  const roles: string[] = [];

  /** One connection of the application's own pool, for statements that must share a session. */
  async function onAppConnection<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = app.createQueryRunner();
    await runner.connect();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }

  const withApp = (url: string): AppConfig => loadConfig({ ...env.env, DATABASE_APP_URL: url });
  const urlAs = (role: string, password: string, database = databaseName(env.config.databaseUrl)) =>
    `postgres://${role}:${password}@127.0.0.1:5432/${database}`;

  async function createRole(attributes: string): Promise<{ name: string; url: string }> {
    const name = unique();
    const password = randomBytes(12).toString('hex');
    roles.push(name);
    await ownerQuery(env.config, `CREATE ROLE ${name} LOGIN PASSWORD '${password}' ${attributes}`);
    return { name, url: urlAs(name, password) };
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ DATABASE_POOL_SIZE: '7' });
    api = await startTestApi(env.config);
    admin = await loginAdmin(api.http);
    app = api.app.get<DataSource>(getDataSourceToken());
    a = await createParty(api.http, admin, 'Tenant A');
    b = await createParty(api.http, admin, 'Tenant B');
    await logCall(api.http, a, new Date());
    await logCall(api.http, b, new Date());
  });

  afterAll(async () => {
    await api?.close();
    await env?.destroy();
    for (const role of roles) await ownerQuery(env.config, `DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  });

  it("runs as the database's own role: no superuser, no BYPASSRLS, owning nothing; the shared callvault_app holds nothing here", async () => {
    const [who] = await app.query(`SELECT current_user AS login, rolsuper AS superuser, rolbypassrls AS bypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(who).toEqual({ login: appRoleName(databaseName(env.config.databaseUrl)), superuser: false, bypassrls: false });
    const [owned] = await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [who.login]);
    expect(owned.n).toBe(0);
    const legacy = await ownerQuery(env.config, `SELECT c.relname FROM pg_class c, aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee WHERE r.rolname = 'callvault_app'`);
    expect(legacy).toEqual([]);
  });

  it('keeps the configured number of connections (DATABASE_POOL_SIZE)', () => {
    expect((app.driver as PostgresDriver).master.options.max).toBe(7);
  });

  it('on its own connection RESET ROLE gains nothing, and SET ROLE, DISABLE TRIGGER, DISABLE ROW LEVEL SECURITY and session_replication_role all fail', async () => {
    await onAppConnection(async (runner) => {
      await runner.query('RESET ROLE');
      const [after] = await runner.query(`SELECT current_user AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`);
      expect(after).toEqual({ login: appRoleName(databaseName(env.config.databaseUrl)), superuser: false });
      await expect(runner.query('SET ROLE postgres')).rejects.toThrow(/permission denied to set role/);
      await expect(runner.query('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      await expect(runner.query('ALTER TABLE calls DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
      await expect(runner.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied to set parameter/);
      await expect(runner.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    });
  });

  it('a version of processing instructions is never edited: the runtime login cannot, and the owner is refused too', async () => {
    // The policy keeps each version it has read by its id (ProcessingInstructionsRepository).
    await expect(app.query(`UPDATE processing_instructions SET greeting = 'edited' WHERE client_id = $1`, [a.clientId])).rejects.toThrow(/permission denied/);
    await expect(ownerQuery(env.config, `UPDATE processing_instructions SET greeting = 'edited' WHERE client_id = $1`, [a.clientId])).rejects.toThrow(/a version is never edited/);
    const [row] = await ownerQuery<{ greeting: string | null }>(env.config, `SELECT greeting FROM processing_instructions WHERE client_id = $1`, [a.clientId]);
    expect(row.greeting).not.toBe('edited');
  });

  it('row-level security still isolates tenants on that connection', async () => {
    const seen = await onAppConnection(async (runner) => {
      await runner.startTransaction();
      try {
        await runner.query(`SELECT set_config('app.client_id', $1, true)`, [a.clientId]);
        return (await runner.query(`SELECT DISTINCT client_id FROM calls`)).map((r: { client_id: string }) => r.client_id);
      } finally {
        await runner.rollbackTransaction();
      }
    });
    expect(seen).toEqual([a.clientId]);
    expect(await app.query(`SELECT client_id FROM calls`)).toEqual([]); // no tenant named: nothing
  });

  it('refuses to start, in one line, a login that can bypass RLS, is a superuser or owns objects', async () => {
    const bypass = await createRole('NOSUPERUSER BYPASSRLS');
    const owner = await createRole('NOSUPERUSER NOBYPASSRLS');
    await ownerQuery(env.config, `CREATE TABLE ${owner.name}_things (id int)`);
    await ownerQuery(env.config, `ALTER TABLE ${owner.name}_things OWNER TO ${owner.name}`);
    try {
      const refusal = (url: string) => prepareDatabaseForStart(withApp(url)).then(() => null, (error: Error) => error);
      const cases: [string, RegExp][] = [
        [bypass.url, /can bypass row-level security/],
        [env.config.databaseUrl, /is or can become a superuser/],
        [owner.url, /owns objects in the database/],
      ];
      for (const [url, reason] of cases) {
        const error = await refusal(url);
        expect(error).toBeInstanceOf(UntrustedDatabaseLoginError);
        expect(error!.message).toMatch(/^Refusing to start: the database login "[^"]+" \(DATABASE_APP_URL\) /);
        expect(error!.message).toMatch(reason);
        expect(error!.message).not.toContain('\n');
      }
    } finally {
      await ownerQuery(env.config, `DROP TABLE ${owner.name}_things`);
    }
  });

  it("does not trust the database's role when it was there before the database, with BYPASSRLS", async () => {
    const database = unique();
    const role = appRoleName(database);
    const password = randomBytes(12).toString('hex');
    await ownerQuery(env.config, `CREATE ROLE ${role} LOGIN BYPASSRLS PASSWORD '${password}'`);
    const config = loadConfig({ ...env.env, DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`, DATABASE_APP_URL: urlAs(role, password, database) });
    try {
      await expect(prepareDatabaseForStart(config)).rejects.toThrow(`the database login "${role}" (DATABASE_APP_URL) can bypass row-level security (${role})`);
    } finally {
      await dropDatabase(config.databaseUrl); // the database's role goes with it
    }
    expect(await ownerQuery(env.config, `SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).toEqual([]);
  });

  it('the entry point stops with exit code 78 and that one line', async () => {
    const build = buildEntryPoints();
    try {
      const started = startEntryPoint(build.dir, 'api', { ...env.env, DATABASE_APP_URL: env.config.databaseUrl, PORT: '0' });
      expect(await started.exited).toBe(78);
      const lines = started.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Refusing to start: the database login "postgres" \(DATABASE_APP_URL\) is or can become a superuser/);
    } finally {
      build.remove();
    }
  }, 90_000);

  describe('audit segments', () => {
    const events = async () => (await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM audit_events`))[0].n;
    const verify = async () => (await api.http.get('/audit/verify').set(bearer(admin)).expect(200)).body;

    it("the issue's reproduction fails at every step, and the log stays whole", async () => {
      const before = await events();
      const [head] = await app.query(`SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
      await expect(
        app.query(
          `INSERT INTO audit_segments (first_seq, last_seq, events, prev_hash, last_hash, first_occurred_at, last_occurred_at, sealed_at)
           VALUES (1, $1::bigint, $2::int, repeat('0', 64), $3, '2000-01-01', '2000-01-01', '2000-01-01')`,
          [head.seq, Number(head.seq), head.hash],
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE audit_segments SET pruned_at = now()`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM audit_events WHERE seq <= $1`, [head.seq])).rejects.toThrow(/permission denied/);
      expect(await events()).toBeGreaterThanOrEqual(before);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('events are written pending and reach the chain only through the sequencer: the runtime login can neither write the chain nor drop a pending event', async () => {
      const [head] = await app.query(`SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 1`);
      await expect(app.query(`UPDATE audit_events SET outcome = 'denied' WHERE seq = $1`, [head.seq])).rejects.toThrow(/permission denied/);
      await expect(
        app.query(
          `INSERT INTO audit_events (seq, occurred_at, actor_role, data_role, purpose, action, outcome, prev_hash, hash, canonical)
           VALUES ($1::bigint + 1, now(), 'admin', 'controller', 'security', 'forged', 'allowed', repeat('0', 64), repeat('0', 64), '[]')`,
          [head.seq],
        ),
      ).rejects.toThrow(/permission denied/);
      await onAppConnection(async (runner) => {
        await runner.startTransaction();
        try {
          // Held pending: the sequencer cannot see it until this commits.
          const [pending] = await runner.query(
            `INSERT INTO audit_pending_events (occurred_at, actor_role, data_role, purpose, action, outcome) VALUES (now(), 'system', 'controller', 'security', 'test.pending', 'allowed') RETURNING id`,
          );
          const refused = async (sql: string, values: unknown[], error: RegExp) => {
            await runner.query('SAVEPOINT s');
            await expect(runner.query(sql, values)).rejects.toThrow(error);
            await runner.query('ROLLBACK TO SAVEPOINT s');
          };
          await refused(`DELETE FROM audit_pending_events WHERE id = $1`, [pending.id], /permission denied/);
          await refused(`UPDATE audit_pending_events SET action = 'test.changed' WHERE id = $1`, [pending.id], /permission denied/);
          // Moving an event that is not pending (here: one already chained) is refused whole.
          await refused(
            `SELECT audit_chain_events(ARRAY[$1::bigint], ARRAY[$2::bigint + 1], ARRAY[repeat('0', 64)], ARRAY[repeat('0', 64)], ARRAY['[]'])`,
            [head.seq, head.seq],
            /0 of 1 events are pending/,
          );
        } finally {
          await runner.rollbackTransaction();
        }
      });
      const appended = await api.http.get('/audit?limit=1').set(bearer(admin)).expect(200);
      expect(appended.body[0]).toMatchObject({ seq: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await ownerQuery(env.config, `SELECT id FROM audit_pending_events`)).toEqual([]);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('through the functions: sealing everything is allowed, pruning it before the retention period is refused, and neither the period nor the clock can be moved', async () => {
      const [sealed] = await app.query(`SELECT * FROM audit_seal_segment('infinity')`);
      expect(sealed).toMatchObject({ first_seq: '1', prev_hash: '0'.repeat(64) });
      const [{ n: inSegment }] = await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM audit_events WHERE seq BETWEEN $1 AND $2`, [sealed.first_seq, sealed.last_seq]);
      expect(sealed.events).toBe(inSegment);
      await expect(app.query(`SELECT audit_prune_segment($1)`, [sealed.id])).rejects.toThrow(/younger than the retention period \(84 months\)/);
      await expect(app.query(`UPDATE audit_settings SET retention_months = 0`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`CREATE OR REPLACE FUNCTION audit_clock() RETURNS timestamptz LANGUAGE sql AS $$ SELECT 'infinity'::timestamptz $$`)).rejects.toThrow(/must be owner|permission denied for schema public/);
      await expect(app.query(`SELECT audit_empty_pruned_segments(1000000)`)).resolves.toEqual([{ audit_empty_pruned_segments: 0 }]);
      expect((await ownerQuery<{ n: number }>(env.config, `SELECT count(*)::int AS n FROM audit_events WHERE seq <= $1`, [sealed.last_seq]))[0].n).toBe(inSegment);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('a segment that no longer matches its events is refused by prune and named by /audit/verify', async () => {
      const [segment] = await ownerQuery<{ id: number; events: number; first_seq: string }>(env.config, `SELECT id, events, first_seq FROM audit_segments ORDER BY first_seq LIMIT 1`);
      await ownerQuery(env.config, 'ALTER TABLE audit_segments DISABLE TRIGGER trg_audit_segments_guard');
      await ownerQuery(env.config, `UPDATE audit_segments SET events = events - 1, last_seq = last_seq - 1 WHERE id = $1`, [segment.id]);
      await ownerQuery(env.config, 'ALTER TABLE audit_segments ENABLE TRIGGER trg_audit_segments_guard');
      // Old enough by the database's clock: the mismatch alone stops it.
      await ownerQuery(env.config, `CREATE OR REPLACE FUNCTION audit_clock() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT now() + interval '100 years' $$`);
      try {
        await expect(app.query(`SELECT audit_prune_segment($1)`, [segment.id])).rejects.toThrow(`audit segment ${segment.id} does not match its events`);
        expect(await verify()).toMatchObject({ ok: false, broken: { reason: 'differs from its sealed segment' } });
      } finally {
        await ownerQuery(env.config, `CREATE OR REPLACE FUNCTION audit_clock() RETURNS timestamptz LANGUAGE sql STABLE AS 'SELECT now()'`);
        await ownerQuery(env.config, 'ALTER TABLE audit_segments DISABLE TRIGGER trg_audit_segments_guard');
        await ownerQuery(env.config, `UPDATE audit_segments SET events = events + 1, last_seq = last_seq + 1 WHERE id = $1`, [segment.id]);
        await ownerQuery(env.config, 'ALTER TABLE audit_segments ENABLE TRIGGER trg_audit_segments_guard');
      }
      expect(await verify()).toMatchObject({ ok: true });
    });
  });

  it('a holder of the audit chain lock that stops answering holds no writer for long, and is cut off', async () => {
    const other = await startTestApi(env.config);
    let resume = () => undefined as void;
    try {
      // The other process takes the chain lock, then goes silent inside its transaction (as if paused).
      const sequencer = other.app.get(AuditSequencer) as unknown as { chain: (...args: unknown[]) => Promise<void> };
      const chain = sequencer.chain.bind(sequencer);
      const paused = new Promise<void>((resolve) => (resume = resolve));
      let first = true;
      sequencer.chain = async (...args) => {
        if (first) {
          first = false;
          await paused;
        }
        return chain(...args);
      };
      const stuck = other.app
        .get(AuditService)
        .append({ actor: { id: null, role: 'system' }, dataRole: 'controller', purpose: 'security', action: 'test.silent_holder', outcome: 'success' })
        .catch((error: Error) => error);
      await eventually(async () => (await ownerQuery(env.config, `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7002 AND granted`)).length > 0, 10_000, 'chain lock held');

      const started = Date.now();
      const created = await api.http.post('/clients').set(bearer(admin)).send({ name: 'Written Meanwhile Co' });
      expect(created.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The server ended the silent session (freeing the lock); the new event is chained and the chain is whole.
      const chained = () => ownerQuery(env.config, `SELECT 1 FROM audit_events WHERE action = 'client.create' AND subject_id = $1 AND seq IS NOT NULL`, [created.body.id]);
      await eventually(async () => (await chained()).length > 0, 15_000, 'event chained');
      resume();
      await stuck;
      expect(await api.app.get(AuditService).verify()).toMatchObject({ ok: true });
    } finally {
      resume();
      await other.close();
    }
  });
});
