import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { ErrorAlert, FormPanel } from '../consoles/ui';
import type { SubProcessor } from '../consoles/types';

/** The sub-processor register: admins read it; the DPO records new ones (transfers outside the UK/EEA need a mechanism). */
export function SubProcessors({ canRecord, headingLevel = 1 }: { canRecord: boolean; headingLevel?: 1 | 2 }) {
  const list = useQuery({ queryKey: ['sub-processors'], queryFn: () => api.get<SubProcessor[]>('/sub-processors') });
  return (
    <Stack>
      <Title order={headingLevel}>Sub-processors</Title>
      {canRecord && <NewSubProcessor headingLevel={headingLevel} />}
      <ErrorAlert error={list.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Data</Table.Th>
            <Table.Th>Contract</Table.Th>
            <Table.Th>Transfer mechanism</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.purpose}</Table.Td>
              <Table.Td>{s.location}</Table.Td>
              <Table.Td>{s.dataCategories.join(', ')}</Table.Td>
              <Table.Td>{s.contractDate}</Table.Td>
              <Table.Td>{s.transferMechanism ?? 'none needed'}</Table.Td>
              <Table.Td>
                <Badge color={s.status === 'active' ? 'teal.9' : 'gray.8'}>{s.status}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text>No sub-processors recorded.</Text>}
    </Stack>
  );
}

function NewSubProcessor({ headingLevel }: { headingLevel: 1 | 2 }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', purpose: '', location: 'GB', dataCategories: '', contractDate: '', transferMechanism: '' });
  const create = useMutation({
    mutationFn: () =>
      api.post('/sub-processors', {
        name: form.name,
        purpose: form.purpose,
        location: form.location.toUpperCase(),
        dataCategories: form.dataCategories.split(',').map((c) => c.trim()).filter(Boolean),
        contractDate: form.contractDate,
        ...(form.transferMechanism ? { transferMechanism: form.transferMechanism } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sub-processors'] }),
  });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  return (
    <FormPanel label="New sub-processor" title="Record a sub-processor" order={(headingLevel + 1) as 2 | 3} onSubmit={() => create.mutate()}>
      <Group grow>
        <TextInput label="Sub-processor name" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        <TextInput label="Purpose" value={form.purpose} onChange={(e) => set({ purpose: e.currentTarget.value })} />
        <TextInput label="Country (2 letters)" value={form.location} onChange={(e) => set({ location: e.currentTarget.value })} />
      </Group>
      <Group grow>
        <TextInput label="Data categories" description="Comma separated" value={form.dataCategories} onChange={(e) => set({ dataCategories: e.currentTarget.value })} />
        <TextInput label="Contract date" type="date" value={form.contractDate} onChange={(e) => set({ contractDate: e.currentTarget.value })} />
        <NativeSelect label="Transfer mechanism" data={[{ value: '', label: 'None (UK/EEA)' }, 'adequacy', 'sccs', 'bcrs']} value={form.transferMechanism} onChange={(e) => set({ transferMechanism: e.currentTarget.value })} />
      </Group>
      <ErrorAlert title="Not recorded" error={create.error} />
      <Button type="submit" loading={create.isPending} w="fit-content">
        Record sub-processor
      </Button>
    </FormPanel>
  );
}
