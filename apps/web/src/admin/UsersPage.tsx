import { Badge, Button, Code, Drawer, Group, MultiSelect, NativeSelect, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatDateTime } from '../consoles/format';
import { ErrorAlert, FormPanel, Notice, PageTitle } from '../consoles/ui';
import type { Client, User } from '../consoles/types';

const ROLES: User['role'][] = ['agent', 'supervisor', 'admin', 'dpo', 'client'];

export default function UsersPage() {
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<User[]>('/users') });
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api.get<Client[]>('/clients') });
  const [selected, setSelected] = useState<User | null>(null);
  const clientName = (id: string | null) => (id ? (clients.data?.find((c) => c.id === id)?.name ?? id) : '—');
  return (
    <Stack>
      <PageTitle>Users</PageTitle>
      <NewUser clients={clients.data ?? []} />
      <ErrorAlert error={users.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Client</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{u.role}</Table.Td>
              <Table.Td>{clientName(u.clientId)}</Table.Td>
              <Table.Td>{u.disabledAt ? <Badge color="gray.8">disabled</Badge> : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Badge color="red.9">locked</Badge> : <Badge color="teal.9">active</Badge>}</Table.Td>
              <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => setSelected(u)} aria-label={`Manage ${u.email}`}>
                  Manage
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {selected && <UserDetail user={selected} clients={clients.data ?? []} onClose={() => setSelected(null)} />}
    </Stack>
  );
}

function NewUser({ clients }: { clients: Client[] }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<User['role']>('agent');
  const [clientId, setClientId] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<User>('/users', { email, password, role, ...(role === 'client' ? { clientId } : {}) }),
    onSuccess: () => {
      setEmail('');
      setPassword('');
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <FormPanel label="New user" onSubmit={() => create.mutate()}>
      <Group grow align="start">
        <TextInput label="User email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <PasswordInput label="Initial password" description="At least 12 characters" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <NativeSelect label="Role" data={ROLES} value={role} onChange={(e) => setRole(e.currentTarget.value as User['role'])} />
        {role === 'client' && (
          <NativeSelect label="Client business" data={[{ value: '', label: 'Choose…' }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} />
        )}
      </Group>
      <ErrorAlert title="Not created" error={create.error} />
      {create.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          User {create.data.email} created.
        </Text>
      )}
      <Button type="submit" loading={create.isPending} w="fit-content">
        Create user
      </Button>
    </FormPanel>
  );
}

/** Account actions go to the sessions routes (POST /users/:id/disable|enable|unlock|password-reset, DELETE /users/:id/totp). */
function UserDetail({ user, clients, onClose }: { user: User; clients: Client[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<{ action: string; body: unknown } | null>(null);
  const act = useMutation({
    mutationFn: async (action: 'disable' | 'enable' | 'unlock' | 'password-reset' | 'totp') => ({
      action,
      body: action === 'totp' ? await api.delete<unknown>(`/users/${user.id}/totp`) : await api.post<unknown>(`/users/${user.id}/${action}`, {}),
    }),
    onSuccess: (result) => {
      setOutcome(result);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const serves = user.role === 'agent' || user.role === 'supervisor';
  return (
    <Drawer opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} position="right" size="lg" title={`User: ${user.email}`}>
      <Stack>
        <Text>
          Role {user.role}, created {formatDateTime(user.createdAt)}.
        </Text>
        <Group>
          {user.disabledAt ? <Button onClick={() => act.mutate('enable')}>Enable</Button> : <Button color="red.9" variant="outline" onClick={() => act.mutate('disable')}>Disable</Button>}
          <Button variant="default" onClick={() => act.mutate('unlock')}>
            Unlock after lockout
          </Button>
          <Button variant="default" onClick={() => act.mutate('password-reset')}>
            Reset password
          </Button>
          <Button variant="default" onClick={() => act.mutate('totp')}>
            Remove second factor
          </Button>
        </Group>
        <ErrorAlert error={act.error} />
        {outcome && <ActionOutcome action={outcome.action} body={outcome.body} />}
        {serves && <Assignments userId={user.id} clients={clients} />}
      </Stack>
    </Drawer>
  );
}

function ActionOutcome({ action, body }: { action: string; body: unknown }) {
  // A reset answers with a one-time secret to hand over (shown once) or with a note that it was sent.
  const secret = body && typeof body === 'object' ? Object.entries(body).find(([k]) => /token|password|link|url/i.test(k)) : undefined;
  return (
    <Notice color={secret ? 'yellow' : 'teal.9'} title={secret ? 'Shown once: hand it over securely' : `Done: ${action}`} role="status">
      {secret ? <Code style={{ wordBreak: 'break-all' }}>{String(secret[1])}</Code> : 'The account was updated.'}
    </Notice>
  );
}

function Assignments({ userId, clients }: { userId: string; clients: Client[] }) {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['users', userId, 'clients'], queryFn: () => api.get<{ clientIds: string[] }>(`/users/${userId}/clients`) });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const value = chosen ?? current.data?.clientIds ?? [];
  const save = useMutation({
    mutationFn: () => api.put(`/users/${userId}/clients`, { clientIds: value }),
    onSuccess: () => {
      setChosen(null);
      void queryClient.invalidateQueries({ queryKey: ['users', userId, 'clients'] });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={3}>Clients served</Title>
      <Text size="sm">None chosen: the agent serves every active client.</Text>
      <MultiSelect label="Restrict to these clients" data={clients.filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: c.name }))} value={value} onChange={setChosen} searchable clearable />
      <ErrorAlert title="Not saved" error={save.error ?? current.error} />
      {save.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          Assignment saved.
        </Text>
      )}
      <Button loading={save.isPending} onClick={() => save.mutate()} w="fit-content">
        Save assignment
      </Button>
    </Stack>
  );
}
