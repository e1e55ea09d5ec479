import { Anchor, Badge, Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../consoles/api';
import { formatDateTime } from '../consoles/format';
import { ErrorAlert, Notice, PageTitle } from '../consoles/ui';
import { useClients } from '../consoles/useClients';
import type { AuditEvent, ChainVerification } from '../consoles/types';

interface Filters {
  actorId: string;
  clientId: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actorId: '', clientId: '', action: '', outcome: '', from: '', to: '' };

/** The dates are London days: from its first instant to the next day's first. */
const toQuery = (f: Filters) => ({
  actorId: f.actorId.trim() || undefined,
  clientId: f.clientId || undefined,
  action: f.action.trim() || undefined,
  outcome: f.outcome || undefined,
  from: f.from ? new Date(`${f.from}T00:00:00`).toISOString() : undefined,
  to: f.to ? new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined,
  limit: 200,
});

/** The whole accountability record: ids, roles, actions and outcomes, never caller content. */
export default function AuditPage() {
  const clients = useClients();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const events = useQuery({ queryKey: ['audit', filters], queryFn: () => api.get<AuditEvent[]>('/audit', toQuery(filters)) });
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: () => api.get<ChainVerification>('/audit/verify') });
  const set = (change: Partial<Filters>) => setDraft({ ...draft, ...change });
  const clientName = (id: string | null) => (id ? (clients.find((c) => c.id === id)?.name ?? id.slice(0, 8)) : '—');
  return (
    <Stack>
      <PageTitle>Audit trail</PageTitle>
      {verify.data && (
        <Notice color={verify.data.ok ? 'green' : 'red'} title={verify.data.ok ? 'Chain verified' : 'Chain broken'} role="status" data-testid="chain-status">
          <Stack gap={4}>
            <Text size="sm">
              {verify.data.events} events checked{verify.data.broken ? `; first bad event #${verify.data.broken.seq}: ${verify.data.broken.reason}` : ''}.
            </Text>
            {verify.data.head && (
              <Text size="sm">
                Head #{verify.data.head.seq}: <Code>{verify.data.head.hash}</Code>
              </Text>
            )}
            <Button size="xs" variant="subtle" w="fit-content" onClick={() => void verify.refetch()} loading={verify.isFetching}>
              Verify again
            </Button>
          </Stack>
        </Notice>
      )}
      <ErrorAlert error={verify.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <Group align="end" wrap="wrap">
          <TextInput label="Actor id" value={draft.actorId} onChange={(e) => set({ actorId: e.currentTarget.value })} />
          <NativeSelect label="Client" data={[{ value: '', label: 'All clients' }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} value={draft.clientId} onChange={(e) => set({ clientId: e.currentTarget.value })} />
          <TextInput label="Action" placeholder="e.g. client.create" value={draft.action} onChange={(e) => set({ action: e.currentTarget.value })} />
          <NativeSelect label="Outcome" data={[{ value: '', label: 'Any' }, 'success', 'denied', 'failure']} value={draft.outcome} onChange={(e) => set({ outcome: e.currentTarget.value })} />
          <TextInput label="From" type="date" value={draft.from} onChange={(e) => set({ from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={draft.to} onChange={(e) => set({ to: e.currentTarget.value })} />
          <Button type="submit">Filter</Button>
          <Anchor href={withQuery('/audit/export.csv', { ...toQuery(filters), limit: 1000 })} download>
            Export CSV
          </Anchor>
        </Group>
      </form>
      <ErrorAlert error={events.error} />
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Client</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.data?.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.seq}</Table.Td>
              <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
              <Table.Td>
                {e.actorRole} {e.actorId ? <Code>{e.actorId.slice(0, 8)}</Code> : null}
              </Table.Td>
              <Table.Td>{clientName(e.clientId)}</Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>{e.subjectType ? `${e.subjectType} ${e.subjectId?.slice(0, 8) ?? ''}` : '—'}</Table.Td>
              <Table.Td>
                <Badge color={e.outcome === 'success' ? 'teal.9' : e.outcome === 'denied' ? 'red.9' : 'dark'}>{e.outcome}</Badge>
              </Table.Td>
              <Table.Td>
                <Code>{Object.entries(e.details ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(' ')}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {events.data?.length === 0 && <Text>No events match.</Text>}
    </Stack>
  );
}
