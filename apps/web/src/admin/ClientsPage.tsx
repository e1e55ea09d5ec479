import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatDate } from '../consoles/format';
import { ErrorAlert, FormPanel, PageTitle } from '../consoles/ui';
import type { Client, IntakeField } from '../consoles/types';
import { ClientDetail } from './ClientDetail';
import { IntakeFieldsEditor } from './IntakeFieldsEditor';

export default function ClientsPage() {
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api.get<Client[]>('/clients') });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Clients</PageTitle>
        <Button onClick={() => setCreating((c) => !c)}>{creating ? 'Close the new client form' : 'New client'}</Button>
      </Group>
      {creating && (
        <NewClient
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      )}
      <ErrorAlert error={clients.error} />
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Since</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.data?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <Badge color={c.status === 'active' ? 'teal.9' : 'gray.8'}>{c.status}</Badge>
              </Table.Td>
              <Table.Td>{c.contactName ?? '—'}</Table.Td>
              <Table.Td>{formatDate(c.createdAt)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => setSelected(c.id)} aria-label={`Manage ${c.name}`}>
                  Manage
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {clients.data?.length === 0 && <Text>No clients yet.</Text>}
      {selected && <ClientDetail key={selected} clientId={selected} onClose={() => setSelected(null)} />}
    </Stack>
  );
}

function NewClient({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [greeting, setGreeting] = useState('');
  const [fields, setFields] = useState<IntakeField[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/clients', {
        name,
        ...(contactName ? { contactName } : {}),
        ...(contactEmail ? { contactEmail } : {}),
        ...(contactPhone ? { contactPhone } : {}),
        instructions: { ...(greeting ? { greeting } : {}), intakeFields: fields },
      }),
    onSuccess: (client) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      onCreated(client.id);
    },
  });
  return (
    <FormPanel label="New client" gap="md" onSubmit={() => create.mutate()}>
      <Group grow>
        <TextInput label="Business name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label="Contact name" value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} />
      </Group>
      <Group grow>
        <TextInput label="Contact email" type="email" value={contactEmail} onChange={(e) => setContactEmail(e.currentTarget.value)} />
        <TextInput label="Contact phone" type="tel" value={contactPhone} onChange={(e) => setContactPhone(e.currentTarget.value)} />
      </Group>
      <TextInput label="Greeting" description="How agents answer this client's calls" value={greeting} onChange={(e) => setGreeting(e.currentTarget.value)} />
      <IntakeFieldsEditor value={fields} onChange={setFields} />
      <ErrorAlert title="Not created" error={create.error} />
      <Button type="submit" loading={create.isPending} w="fit-content">
        Create client
      </Button>
    </FormPanel>
  );
}
