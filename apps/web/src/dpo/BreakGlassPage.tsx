import { Badge, Button, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatCountdown, formatDateTime } from '../consoles/format';
import { ErrorAlert, FormPanel, Notice, PageTitle, useNow } from '../consoles/ui';
import { useClients } from '../consoles/useClients';
import type { BreakGlassGrant } from '../consoles/types';

/** The DPO's only way to caller content: a reason, a time limit, a visible countdown; the client sees every use. */
export default function BreakGlassPage() {
  const clients = useClients();
  const queryClient = useQueryClient();
  const grants = useQuery({ queryKey: ['break-glass'], queryFn: () => api.get<BreakGlassGrant[]>('/break-glass') });
  const now = useNow();
  const [clientId, setClientId] = useState('');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number>(30);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['break-glass'] });
  const open = useMutation({
    mutationFn: () => api.post<BreakGlassGrant>('/break-glass', { clientId, reason, durationMinutes: minutes }),
    onSuccess: () => {
      setReason('');
      void refresh();
    },
  });
  const close = useMutation({ mutationFn: (id: string) => api.post(`/break-glass/${id}/close`, {}), onSuccess: refresh });
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  const active = grants.data?.filter((g) => new Date(g.expiresAt).getTime() > now) ?? [];
  return (
    <Stack>
      <PageTitle>Break-glass access</PageTitle>
      {active.map((g) => (
        <Notice key={g.id} color="red" title={`Open for ${clientName(g.clientId)}`} role="status">
          <Group justify="space-between">
            <Text size="sm">
              Closes in <strong data-testid="break-glass-countdown">{formatCountdown(g.expiresAt, now)}</strong> (at {formatDateTime(g.expiresAt)}). Reason: {g.reason}
            </Text>
            <Button color="red.9" size="xs" loading={close.isPending} onClick={() => close.mutate(g.id)}>
              Close now
            </Button>
          </Group>
        </Notice>
      ))}
      <ErrorAlert error={close.error} />
      <FormPanel label="Open break-glass access" title="Open access to a client's caller data" order={2} onSubmit={() => open.mutate()}>
        <Text size="sm">Every opening is written to the audit trail under that client, with your reason, and the client sees it.</Text>
        <Group grow align="start">
          <NativeSelect label="Client" data={[{ value: '', label: 'Choose a client…' }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} />
          <NumberInput label="Duration (minutes)" min={1} max={240} value={minutes} onChange={(v) => setMinutes(Number(v))} />
        </Group>
        <Textarea label="Reason" description="Why you need caller content; at least 10 characters" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ErrorAlert title="Not opened" error={open.error} />
        <Button type="submit" color="red.9" loading={open.isPending} w="fit-content">
          Open break-glass access
        </Button>
      </FormPanel>
      <Title order={2}>Every use</Title>
      <ErrorAlert error={grants.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Opened</Table.Th>
            <Table.Th>Client</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.data?.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{formatDateTime(g.createdAt)}</Table.Td>
              <Table.Td>{clientName(g.clientId)}</Table.Td>
              <Table.Td>{g.reason}</Table.Td>
              <Table.Td>{formatDateTime(g.expiresAt)}</Table.Td>
              <Table.Td>{new Date(g.expiresAt).getTime() > now ? <Badge color="red.9">open</Badge> : g.closedAt ? <Badge color="gray.8">closed early</Badge> : <Badge color="gray.8">expired</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
