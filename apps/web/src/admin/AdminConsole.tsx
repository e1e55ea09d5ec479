import { Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api } from '../consoles/api';
import { PageTitle } from '../consoles/ui';
import { useHashTab } from '../consoles/useHashTab';
import type { Client } from '../consoles/types';
import { BreachRegister } from '../dpo/BreachRegister';
import { AuditPage } from './AuditPage';
import { ClientsPage } from './ClientsPage';
import { SubProcessors } from './SubProcessors';
import { UsersPage } from './UsersPage';

// The chart library is large: loaded only when the usage section opens.
const UsagePage = lazy(() => import('./UsagePage').then((m) => ({ default: m.UsagePage })));

const SECTIONS = ['clients', 'users', 'audit', 'usage', 'registers'] as const;

/** The operator's administration: accounts, keys, instructions, the audit trail and usage. No caller content anywhere. */
export function AdminConsole() {
  const [section, setSection] = useHashTab(SECTIONS, 'clients');
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api.get<Client[]>('/clients') });
  return (
    <Stack>
      <PageTitle>Administration</PageTitle>
      <Tabs value={section} onChange={(v) => v && setSection(v as (typeof SECTIONS)[number])} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="clients">Clients</Tabs.Tab>
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="audit">Audit</Tabs.Tab>
          <Tabs.Tab value="usage">Usage</Tabs.Tab>
          <Tabs.Tab value="registers">Registers</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="clients" pt="md">
          <ClientsPage />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersPage />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPage clients={clients.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="usage" pt="md">
          <Suspense fallback={<Loader aria-label="Loading the usage chart" />}>
            <UsagePage clients={clients.data ?? []} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="registers" pt="md">
          <Stack gap="xl">
            <SubProcessors canRecord={false} />
            <BreachRegister clients={clients.data ?? []} canAct={false} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
