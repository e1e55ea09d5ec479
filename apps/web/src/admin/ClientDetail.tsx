import { Badge, Button, CopyButton, Divider, Drawer, Group, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatDateTime } from '../consoles/format';
import { ErrorAlert, Notice } from '../consoles/ui';
import type { Client, IngestKey, Instructions } from '../consoles/types';
import { IntakeFieldsEditor } from './IntakeFieldsEditor';

/** One client: contact details, contract, processing instructions with their history, ingest keys. */
export function ClientDetail({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const client = useQuery({ queryKey: ['clients', clientId], queryFn: () => api.get<Client>(`/clients/${clientId}`) });
  return (
    <Drawer opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} position="right" size="xl" title={client.data ? `Client: ${client.data.name}` : 'Client'}>
      <ErrorAlert error={client.error} />
      {client.data && (
        <Stack>
          <Contact client={client.data} />
          <Divider />
          <Contract client={client.data} />
          <Divider />
          <InstructionsSection clientId={clientId} />
          <Divider />
          <IngestKeys clientId={clientId} />
        </Stack>
      )}
    </Drawer>
  );
}

function Contact({ client }: { client: Client }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(client.name);
  const [contactName, setContactName] = useState(client.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(client.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(client.contactPhone ?? '');
  const save = useMutation({
    mutationFn: () => api.patch<Client>(`/clients/${client.id}`, { name, contactName: contactName || null, contactEmail: contactEmail || null, contactPhone: contactPhone || null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3}>Contact details</Title>
        <TextInput label="Business name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group grow>
          <TextInput label="Contact name" value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} />
          <TextInput label="Contact email" type="email" value={contactEmail} onChange={(e) => setContactEmail(e.currentTarget.value)} />
          <TextInput label="Contact phone" type="tel" value={contactPhone} onChange={(e) => setContactPhone(e.currentTarget.value)} />
        </Group>
        <ErrorAlert title="Not saved" error={save.error} />
        {save.isSuccess && (
          <Text size="sm" c="green.8" role="status">
            Contact details saved.
          </Text>
        )}
        <Button type="submit" loading={save.isPending} w="fit-content">
          Save contact details
        </Button>
      </Stack>
    </form>
  );
}

function Contract({ client }: { client: Client }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const terminate = useMutation({
    mutationFn: () => api.post<Client>(`/clients/${client.id}/termination`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
  if (client.status === 'terminated') {
    return (
      <Stack gap="xs">
        <Title order={3}>Contract</Title>
        <Text>
          <Badge color="gray.8">terminated</Badge> Contract ended {formatDateTime(client.contractEndedAt)}; its data runs down on the retention schedules.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={3}>Contract</Title>
      {!confirming ? (
        <Button color="red.9" variant="outline" w="fit-content" onClick={() => setConfirming(true)}>
          Terminate contract…
        </Button>
      ) : (
        <Notice color="red" title="Terminate this client's contract?">
          <Stack gap="xs">
            <Text size="sm">No new calls or recordings will be taken for it; its ingest keys stop; retention then erases its data on schedule.</Text>
            <Group>
              <Button color="red.9" loading={terminate.isPending} onClick={() => terminate.mutate()}>
                Terminate now
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                Keep the contract
              </Button>
            </Group>
          </Stack>
        </Notice>
      )}
      <ErrorAlert error={terminate.error} />
    </Stack>
  );
}

function InstructionsSection({ clientId }: { clientId: string }) {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['clients', clientId, 'instructions'], queryFn: () => api.get<Instructions>(`/clients/${clientId}/instructions`) });
  const history = useQuery({ queryKey: ['clients', clientId, 'instructions', 'history'], queryFn: () => api.get<Instructions[]>(`/clients/${clientId}/instructions/history`) });
  const [draft, setDraft] = useState<Instructions | null>(null);
  const form = draft ?? current.data ?? null;
  const issue = useMutation({
    // Only the instruction fields themselves: the API refuses anything else it is sent.
    mutationFn: (next: Instructions) =>
      api.post<Instructions>(`/clients/${clientId}/instructions`, {
        greeting: next.greeting ?? '',
        intakeFields: next.intakeFields.map(({ name, label, type, required }) => ({ name, type, required, ...(label ? { label } : {}) })),
        recordingRetentionDays: next.recordingRetentionDays,
        deliveryExpiryHours: next.deliveryExpiryHours,
        callerDataRetentionDays: next.callerDataRetentionDays,
        supervisorReviewAllowed: next.supervisorReviewAllowed,
        aggregateStatisticsAllowed: next.aggregateStatisticsAllowed,
        ...(next.receiptWindowMinutes !== undefined ? { receiptWindowMinutes: next.receiptWindowMinutes } : {}),
      }),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ['clients', clientId, 'instructions'] });
    },
  });
  const set = (change: Partial<Instructions>) => form && setDraft({ ...form, ...change });
  return (
    <Stack gap="xs">
      <Title order={3}>Processing instructions</Title>
      <ErrorAlert error={current.error} />
      {form && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            issue.mutate(form);
          }}
        >
          <Stack gap="xs">
            <Text size="sm">In force: version {current.data?.version}. Saving issues a new version; versions are never edited.</Text>
            <TextInput label="Greeting" value={form.greeting ?? ''} onChange={(e) => set({ greeting: e.currentTarget.value || null })} />
            <IntakeFieldsEditor value={form.intakeFields} onChange={(intakeFields) => set({ intakeFields })} />
            <Group grow>
              <NumberInput label="Recording retention (days)" min={1} max={3650} value={form.recordingRetentionDays} onChange={(v) => set({ recordingRetentionDays: Number(v) })} />
              <NumberInput label="Delivery expiry (hours)" min={1} max={720} value={form.deliveryExpiryHours} onChange={(v) => set({ deliveryExpiryHours: Number(v) })} />
              <NumberInput label="Caller data retention after contract (days)" min={1} max={3650} value={form.callerDataRetentionDays} onChange={(v) => set({ callerDataRetentionDays: Number(v) })} />
              {form.receiptWindowMinutes !== undefined && (
                <NumberInput label="Receipt window (minutes)" min={1} value={form.receiptWindowMinutes} onChange={(v) => set({ receiptWindowMinutes: Number(v) })} />
              )}
            </Group>
            <Switch label="Supervisors may review calls" checked={form.supervisorReviewAllowed} onChange={(e) => set({ supervisorReviewAllowed: e.currentTarget.checked })} />
            <Switch label="Aggregate statistics allowed" checked={form.aggregateStatisticsAllowed} onChange={(e) => set({ aggregateStatisticsAllowed: e.currentTarget.checked })} />
            <ErrorAlert title="Not issued" error={issue.error} />
            <Button type="submit" loading={issue.isPending} disabled={!draft} w="fit-content">
              Issue new version
            </Button>
          </Stack>
        </form>
      )}
      <Title order={4} mt="sm">
        Version history
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>Intake fields</Table.Th>
            <Table.Th>Retention</Table.Th>
            <Table.Th>Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data?.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.intakeFields.map((f) => `${f.name}${f.required ? '*' : ''}`).join(', ') || '—'}</Table.Td>
              <Table.Td>
                {v.recordingRetentionDays} d recordings, {v.callerDataRetentionDays} d after contract
              </Table.Td>
              <Table.Td>{v.supervisorReviewAllowed ? 'allowed' : 'no'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function IngestKeys({ clientId }: { clientId: string }) {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['clients', clientId, 'ingest-keys'], queryFn: () => api.get<IngestKey[]>(`/clients/${clientId}/ingest-keys`) });
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<{ id: string; key: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['clients', clientId, 'ingest-keys'] });
  const create = useMutation({
    mutationFn: () => api.post<{ id: string; key: string }>(`/clients/${clientId}/ingest-keys`, label ? { label } : {}),
    onSuccess: (key) => {
      setIssued(key);
      setLabel('');
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (keyId: string) => api.delete(`/clients/${clientId}/ingest-keys/${keyId}`), onSuccess: refresh });
  return (
    <Stack gap="xs">
      <Title order={3}>Ingest keys</Title>
      <Text size="sm">The telephony system pushes this client's recordings with one of these keys.</Text>
      {issued && (
        <Notice color="yellow" title="Copy the key now: it is shown once" role="status">
          <Stack gap="xs">
            <code data-testid="issued-ingest-key" style={{ wordBreak: 'break-all' }}>
              {issued.key}
            </code>
            <Group>
              <CopyButton value={issued.key}>{({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? 'Copied' : 'Copy key'}</Button>}</CopyButton>
              <Button size="xs" variant="subtle" onClick={() => setIssued(null)}>
                I have stored it
              </Button>
            </Group>
          </Stack>
        </Notice>
      )}
      <Group align="end">
        <TextInput label="Key label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        <Button loading={create.isPending} onClick={() => create.mutate()}>
          Create ingest key
        </Button>
      </Group>
      <ErrorAlert error={create.error ?? revoke.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.data?.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>{k.label ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(k.lastUsedAt)}</Table.Td>
              <Table.Td>
                {k.revokedAt ? (
                  `revoked ${formatDateTime(k.revokedAt)}`
                ) : (
                  <Button size="xs" color="red.9" variant="outline" onClick={() => revoke.mutate(k.id)} aria-label={`Revoke key ${k.label ?? k.id}`}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
