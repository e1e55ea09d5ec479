import { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '#clock';
import { loginAdmin, ownerQuery, startTestApi, startTestWorker, TestApi } from '../support/test-app';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { createClient, createStaff } from './compliance-fixtures';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const monthsLater = (from: Date, months: number) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 15, 3));

interface Span {
  firstSeq: string;
  lastSeq: string;
  events: number;
}

/** Old audit leaves only by whole sealed segments, so the chain that remains still verifies (D12). */
describe('compliance: audit retention', () => {
  const start = new Date();
  const clock = new ManualClock(start);
  let env: TestEnvironment;
  let api: TestApi;
  let worker: INestApplicationContext;
  let adminToken: string;
  let dpo: { id: string; token: string };

  const retention = async (at: Date) => {
    clock.set(at);
    return (await api.http.post('/retention/run').set(bearer(dpo.token)).expect(200)).body.audit as { sealed: Span | null; pruned: Span[] };
  };
  const verify = async () => (await api.http.get('/audit/verify').set(bearer(dpo.token)).expect(200)).body;

  beforeAll(async () => {
    env = await createTestEnvironment();
    api = await startTestApi(env.config, { clock });
    worker = await startTestWorker(env.config, { clock });
    adminToken = await loginAdmin(api.http);
    dpo = await createStaff(api.http, adminToken, 'dpo', 'dpo@callvault.test');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.destroy();
  });

  it('D12: audit is sealed month by month, pruned only as whole segments past the period, and the rest still verifies', async () => {
    await createClient(api.http, adminToken, { name: 'Early Co' });
    expect(await retention(start)).toEqual({ sealed: null, pruned: [] }); // this month is still being written

    // Next month: everything so far is checked and sealed as one segment from seq 1.
    const first = (await retention(monthsLater(start, 1))).sealed!;
    expect(first).toMatchObject({ firstSeq: '1', events: Number(first.lastSeq) });
    await createClient(api.http, adminToken, { name: 'Later Co' });
    const second = (await retention(monthsLater(start, 2))).sealed!;
    expect(second.firstSeq).toBe((BigInt(first.lastSeq) + 1n).toString());

    // Sealed is still append-only: no single event goes, and no segment is pruned out of turn.
    await expect(ownerQuery(env.config, 'DELETE FROM audit_events WHERE seq = $1', [first.firstSeq])).rejects.toThrow(/append-only/);
    await expect(ownerQuery(env.config, 'UPDATE audit_segments SET pruned_at = now() WHERE first_seq = $1', [second.firstSeq])).rejects.toThrow(/oldest first/);
    expect((await verify()).ok).toBe(true);

    // Seven years on, whole segments go, oldest first; each prune is itself audited.
    const later = await retention(monthsLater(start, 84 + 3));
    expect(later.pruned.slice(0, 2)).toEqual([first, second]);
    const lastPruned = later.pruned[later.pruned.length - 1];
    const [{ n: left }] = await ownerQuery<{ n: number }>(env.config, 'SELECT count(*)::int AS n FROM audit_events WHERE seq <= $1', [lastPruned.lastSeq]);
    expect(left).toBe(0);
    const prunes = (await api.http.get('/audit?action=audit.segment.prune').set(bearer(dpo.token)).expect(200)).body;
    expect(prunes.map((e: { details: { firstSeq: string } }) => e.details.firstSeq)).toEqual(expect.arrayContaining([first.firstSeq, second.firstSeq]));

    // The chain that remains is anchored on the last pruned segment and keeps growing.
    await loginAdmin(api.http);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, prunedThrough: { seq: lastPruned.lastSeq } });
    expect(after.events).toBeGreaterThan(0);
    expect(BigInt(after.head.seq)).toBeGreaterThan(BigInt(lastPruned.lastSeq));

    // Rewriting a pruned segment's anchor (by someone able to switch triggers off) is caught.
    await ownerQuery(env.config, 'ALTER TABLE audit_segments DISABLE TRIGGER trg_audit_segments_guard');
    await ownerQuery(env.config, `UPDATE audit_segments SET last_hash = repeat('a', 64) WHERE last_seq = $1`, [lastPruned.lastSeq]);
    await ownerQuery(env.config, 'ALTER TABLE audit_segments ENABLE TRIGGER trg_audit_segments_guard');
    expect(await verify()).toMatchObject({ ok: false, broken: { reason: 'previous hash does not match the preceding event' } });
  });
});
