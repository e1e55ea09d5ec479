import type { INestApplicationContext } from '@nestjs/common';
import { AccessModule, AccessPolicy } from '#access';
import type { Principal } from '#access';
import { CallerMessage } from '#calls';
import { ClientsModule, ClientsService } from '#clients';
import { ManualClock } from '#clock';
import { Delivery } from '#deliveries';
import { UsageEntry } from '#usage';
import { ownerQuery } from '../support/test-app';
import { startIntegrationTier } from '../support/integration-tier';
import type { TestEnvironment } from '../support/test-environment';

/** The access policy against a real, migrated Postgres, no HTTP: it decides on each entity's one @PersonalData declaration. */
describe('access policy reads the entities\' declarations (integration, no HTTP)', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let env: TestEnvironment;
  let app: INestApplicationContext;
  let policy: AccessPolicy;
  let clientId: string;
  let clientUser: Principal;

  beforeAll(async () => {
    ({ env, app } = await startIntegrationTier(clock, [ClientsModule, AccessModule]));
    policy = app.get(AccessPolicy);
    clientId = (await app.get(ClientsService).create({ name: 'Fir Accountants' }, { id: null, role: 'system' })).client.id;
    clientUser = { kind: 'user', id: '11111111-1111-4111-8111-111111111111', role: 'client', clientId } as Principal;
  });

  afterAll(async () => {
    await app?.close();
    await env?.destroy();
  });

  it('takes the data role from the declaration and returns it with the grant', async () => {
    const grant = await policy.authorize(clientUser, { action: 'probe.read', clientId, data: CallerMessage, purpose: 'service_delivery', content: true });
    expect(grant.dataRole).toBe('processor');
  });

  it('refuses a purpose the entity does not declare, and audits the refusal under that data role', async () => {
    // Deliveries declare service_delivery and billing; caller messages also declare security (metadata).
    await expect(policy.authorize(clientUser, { action: 'probe.security', clientId, data: Delivery, purpose: 'security', content: false })).rejects.toMatchObject({
      code: 'purpose_refused',
      message: expect.stringContaining('delivery_metadata'),
    });
    await expect(policy.authorize(clientUser, { action: 'probe.security', clientId, data: CallerMessage, purpose: 'security', content: false })).resolves.toMatchObject({ dataRole: 'processor' });
    const events = await ownerQuery<{ outcome: string; data_role: string; purpose: string }>(
      env.config,
      `SELECT outcome, data_role, purpose FROM audit_events WHERE action = 'probe.security' ORDER BY occurred_at`,
    );
    expect(events).toEqual([{ outcome: 'denied', data_role: 'processor', purpose: 'security' }]);
  });

  it('will not decide on an entity that declares no personal data', async () => {
    await expect(policy.authorize(clientUser, { action: 'probe.usage', clientId, data: UsageEntry, purpose: 'billing', content: false })).rejects.toThrow('UsageEntry declares no personal data');
  });
});
