import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ClientsModule, ClientsService } from '#clients';
import { ManualClock } from '#clock';
import { TenantScope, WriteBatch } from '#database';
import { UsageLedger, UsageModule } from '#usage';
import { ownerQuery } from '../support/test-app';
import { startIntegrationTier } from '../support/integration-tier';
import type { TestEnvironment } from '../support/test-environment';

/** The usage ledger's two ways of writing in a caller's batch, on the runtime login's pool. */
describe('usage ledger entries (integration, no HTTP)', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let env: TestEnvironment;
  let app: INestApplicationContext;
  let scope: TenantScope;
  let ledger: UsageLedger;
  let clientId: string;

  beforeAll(async () => {
    ({ env, app } = await startIntegrationTier(clock, [ClientsModule, UsageModule]));
    scope = app.get(TenantScope);
    ledger = app.get(UsageLedger);
    clientId = (await app.get(ClientsService).create({ name: 'Counted Ltd' }, { id: null, role: 'system' })).client.id;
  });

  afterAll(async () => {
    await app?.close();
    await env?.destroy();
  });

  const entry = (sourceId: string) => ({ clientId, kind: 'message' as const, occurredAt: clock.now(), sourceId });
  const entriesOf = async (sourceId: string) => (await ownerQuery<{ n: number }>(env.config, 'SELECT count(*)::int AS n FROM usage_ledger WHERE source_id = $1', [sourceId]))[0].n;

  it('an entry for a source new in the transaction is written once, and recording it again the usual way is a no-op', async () => {
    const source = randomUUID();
    await scope.run(clientId, (tx) => {
      const batch = new WriteBatch();
      ledger.recordNewIn(batch, [entry(source)]);
      return batch.run(tx);
    });
    await scope.run(clientId, (tx) => ledger.record(tx, [entry(source)]));
    expect(await entriesOf(source)).toBe(1);
  });

  it('a source recorded as new twice fails the whole write instead of passing unnoticed', async () => {
    const source = randomUUID();
    const twice = scope.run(clientId, (tx) => {
      const batch = new WriteBatch();
      ledger.recordNewIn(batch, [entry(source), entry(source)]);
      return batch.run(tx);
    });
    await expect(twice).rejects.toBeInstanceOf(QueryFailedError);
    expect(await entriesOf(source)).toBe(0);
  });
});
