import { Anchor, Button, Drawer, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatDate, formatDateTime } from '../consoles/format';
import { ErrorAlert, FormPanel, OverdueBadge, PageTitle } from '../consoles/ui';
import { useClients } from '../consoles/useClients';
import type { Client, Dsr } from '../consoles/types';

const TYPES = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'human_review'];
const SOURCES = ['data_subject', 'representative', 'regulator'];
const OPERATIONS: Record<string, string | undefined> = { erasure: 'erase', rectification: 'rectify', restriction: 'restrict', objection: 'restrict' };

/** Open requests first, the overdue at the top, then by deadline. */
const byUrgency = (a: Dsr, b: Dsr) => {
  const open = (d: Dsr) => (d.status === 'received' || d.status === 'in_progress' ? 0 : 1);
  return open(a) - open(b) || Number(b.overdue) - Number(a.overdue) || new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime();
};

export default function DsrPage() {
  const clients = useClients();
  const requests = useQuery({ queryKey: ['dsr'], queryFn: () => api.get<Dsr[]>('/dsr', { status: 'all' }) });
  const [selected, setSelected] = useState<string | null>(null);
  const sorted = [...(requests.data ?? [])].sort(byUrgency);
  return (
    <Stack>
      <PageTitle>Data subject requests</PageTitle>
      <NewRequest />
      <ErrorAlert error={requests.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Forwarded to</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDate(d.receivedAt)}</Table.Td>
              <Table.Td>{d.type}</Table.Td>
              <Table.Td>{d.status}</Table.Td>
              <Table.Td>
                {formatDate(d.dueAt)} {d.daysLeft !== null && !d.overdue && <Text span size="xs">({d.daysLeft} days left)</Text>} <OverdueBadge overdue={d.overdue} />
              </Table.Td>
              <Table.Td>{d.forwards.length ? `${d.forwards.length} client${d.forwards.length > 1 ? 's' : ''}` : '—'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => setSelected(d.id)} aria-label={`Open the ${d.type} request received ${formatDate(d.receivedAt)}`}>
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {requests.data?.length === 0 && <Text>No requests.</Text>}
      {selected && requests.data?.find((d) => d.id === selected) && <Request dsr={requests.data.find((d) => d.id === selected)!} clients={clients} onClose={() => setSelected(null)} />}
    </Stack>
  );
}

function NewRequest() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ type: 'access', source: 'data_subject', name: '', email: '', phone: '', details: '', receivedAt: '' });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const create = useMutation({
    mutationFn: () =>
      api.post('/dsr', {
        type: form.type,
        source: form.source,
        subject: { ...(form.name ? { name: form.name } : {}), ...(form.email ? { email: form.email } : {}), ...(form.phone ? { phone: form.phone } : {}) },
        ...(form.details ? { details: form.details } : {}),
        ...(form.receivedAt ? { receivedAt: new Date(`${form.receivedAt}T12:00:00`).toISOString() } : {}),
      }),
    onSuccess: () => {
      setForm({ ...form, name: '', email: '', phone: '', details: '' });
      void queryClient.invalidateQueries({ queryKey: ['dsr'] });
    },
  });
  return (
    <FormPanel label="Record a request" title="Record a received request" order={2} onSubmit={() => create.mutate()}>
      <Group grow>
        <NativeSelect label="Request type" data={TYPES} value={form.type} onChange={(e) => set({ type: e.currentTarget.value })} />
        <NativeSelect label="From" data={SOURCES} value={form.source} onChange={(e) => set({ source: e.currentTarget.value })} />
        <TextInput label="Received on" description="Empty: today" type="date" value={form.receivedAt} onChange={(e) => set({ receivedAt: e.currentTarget.value })} />
      </Group>
      <Group grow>
        <TextInput label="Person's name" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        <TextInput label="Person's email" type="email" value={form.email} onChange={(e) => set({ email: e.currentTarget.value })} />
        <TextInput label="Person's phone" type="tel" value={form.phone} onChange={(e) => set({ phone: e.currentTarget.value })} />
      </Group>
      <Textarea label="What they asked" value={form.details} onChange={(e) => set({ details: e.currentTarget.value })} />
      <ErrorAlert title="Not recorded" error={create.error} />
      <Button type="submit" loading={create.isPending} w="fit-content">
        Record request
      </Button>
    </FormPanel>
  );
}

function Request({ dsr, clients, onClose }: { dsr: Dsr; clients: Client[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [months, setMonths] = useState<number>(1);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const act = useMutation({ mutationFn: (body: Record<string, unknown>) => api.post(`/dsr/${dsr.id}/actions`, body), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dsr'] }) });
  const open = dsr.status === 'received' || dsr.status === 'in_progress';
  const operation = OPERATIONS[dsr.type];
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return (
    <Drawer opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} position="right" size="xl" title={`Request: ${dsr.type}`}>
      <Stack>
        <Text>
          {dsr.status}, received {formatDateTime(dsr.receivedAt)}, due {formatDateTime(dsr.dueAt)} <OverdueBadge overdue={dsr.overdue} />
          {dsr.extension && ` (extended by ${dsr.extension.months} month${dsr.extension.months > 1 ? 's' : ''})`}
        </Text>
        <Title order={3}>Operator records</Title>
        {dsr.controllerMatches?.length ? (
          <Table fz="sm">
            <Table.Tbody>
              {dsr.controllerMatches.map((m) => (
                <Table.Tr key={`${m.kind}-${m.id}`}>
                  <Table.Td>{m.kind}</Table.Td>
                  <Table.Td>matched on {m.matchedOn.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">None of the operator's own records match.</Text>
        )}
        <Title order={3}>Forwarded to clients</Title>
        {dsr.forwards.length ? (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                <Table.Th>Forwarded</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Instruction</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dsr.forwards.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{clientName(f.clientId)}</Table.Td>
                  <Table.Td>{formatDateTime(f.forwardedAt)}</Table.Td>
                  <Table.Td>{f.status}</Table.Td>
                  <Table.Td>{f.lastInstruction ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">No caller records of any client match: nothing forwarded.</Text>
        )}
        <Anchor href={`/dsr/${dsr.id}/export`} download>
          Download the export (ZIP)
        </Anchor>
        {open && (
          <Stack gap="xs">
            <Title order={3}>Actions</Title>
            <Group>
              {dsr.status === 'received' && <Button onClick={() => act.mutate({ action: 'start' })}>Start work</Button>}
              {operation && (
                <Button variant="default" onClick={() => act.mutate({ action: operation })}>
                  Carry out: {operation}
                </Button>
              )}
            </Group>
            <Group align="end">
              <NumberInput label="Extend by (months)" min={1} max={2} value={months} onChange={(v) => setMonths(Number(v))} w={160} />
              <TextInput label="Reason for the extension" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Button variant="default" onClick={() => act.mutate({ action: 'extend', months, reason })}>
                Extend deadline
              </Button>
            </Group>
            <Group align="end">
              <TextInput label="Outcome note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button onClick={() => act.mutate({ action: 'complete', ...(note ? { note } : {}) })}>
                Complete
              </Button>
            </Group>
            <ErrorAlert title="Not done" error={act.error} />
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
