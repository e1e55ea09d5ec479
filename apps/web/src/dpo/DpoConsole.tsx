import { Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SubProcessors } from '../admin/SubProcessors';
import { api } from '../consoles/api';
import { PageTitle } from '../consoles/ui';
import { useHashTab } from '../consoles/useHashTab';
import type { Client } from '../consoles/types';
import { BreachRegister } from './BreachRegister';
import { BreakGlassPage } from './BreakGlassPage';
import { DsrPage } from './DsrPage';

const SECTIONS = ['requests', 'break-glass', 'breaches', 'sub-processors'] as const;

/** The data protection officer's desk: requests and their deadlines, break-glass, the registers. */
export function DpoConsole() {
  const [section, setSection] = useHashTab(SECTIONS, 'requests');
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api.get<Client[]>('/clients') });
  return (
    <Stack>
      <PageTitle>Data protection</PageTitle>
      <Tabs value={section} onChange={(v) => v && setSection(v as (typeof SECTIONS)[number])} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="requests">Requests</Tabs.Tab>
          <Tabs.Tab value="break-glass">Break-glass</Tabs.Tab>
          <Tabs.Tab value="breaches">Breaches</Tabs.Tab>
          <Tabs.Tab value="sub-processors">Sub-processors</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <DsrPage clients={clients.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="break-glass" pt="md">
          <BreakGlassPage clients={clients.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="breaches" pt="md">
          <BreachRegister clients={clients.data ?? []} canAct />
        </Tabs.Panel>
        <Tabs.Panel value="sub-processors" pt="md">
          <SubProcessors canRecord />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
