import { Alert, Badge, Button, Checkbox, CopyButton, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import type { Ok } from '../../api/contract';
import { formatBytes, formatDateTime, words } from '../../lib/format';
import { errorText, PageTitle } from '../../lib/PageTitle';
import { DeliveryDownload } from './DeliveryDownload';

type Created = Ok<'/deliveries', 'post'>;

export default function DeliveriesPage() {
  const client = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const [chosen, setChosen] = useState<{ recordings: string[]; messages: string[] }>({ recordings: [], messages: [] });
  const [open, setOpen] = useState<string | null>(null);

  const deliveries = useQuery({ queryKey: ['deliveries'], queryFn: () => call('get', '/deliveries') });
  const recordings = useQuery({ queryKey: ['recordings', 'stored'], queryFn: () => call('get', '/recordings', { query: { limit: 200 } }) });
  const messages = useQuery({ queryKey: ['messages', 'list', 'for-delivery'], queryFn: () => call('get', '/messages', { query: { limit: 200 } }) });
  const storedRecordings = (recordings.data ?? []).filter((r) => r.status === 'stored');
  const undeliveredMessages = (messages.data ?? []).filter((m) => !m.deliveredAt);

  const create = useMutation({
    mutationFn: (body: { recordingIds?: string[]; messageIds?: string[] }) => call('post', '/deliveries', { body }),
    onSuccess: (delivery) => {
      setCreated(delivery);
      setOpen(delivery.id);
      setChosen({ recordings: [], messages: [] });
      void client.invalidateQueries({ queryKey: ['deliveries'] });
      void client.invalidateQueries({ queryKey: ['messages'] });
    },
  });
  const toggle = (kind: 'recordings' | 'messages', id: string) =>
    setChosen((c) => ({ ...c, [kind]: c[kind].includes(id) ? c[kind].filter((x) => x !== id) : [...c[kind], id] }));
  const nothingChosen = !chosen.recordings.length && !chosen.messages.length;

  return (
    <>
      <PageTitle>Deliveries</PageTitle>
      <Paper withBorder p="md" mb="lg">
        <Title order={2} size="h4" mb="xs">
          New delivery
        </Title>
        <Text size="sm" mb="sm">
          A delivery is one archive of messages and recordings, downloaded once with a one-time password. Recordings are deleted from CallVault once you confirm you hold the archive.
        </Text>
        <Group mb="sm">
          <Button onClick={() => create.mutate({})} loading={create.isPending && !create.variables?.recordingIds}>
            Deliver everything not yet delivered
          </Button>
          <Button variant="default" disabled={nothingChosen} onClick={() => create.mutate({ recordingIds: chosen.recordings, messageIds: chosen.messages })}>
            Deliver the chosen items ({chosen.recordings.length + chosen.messages.length})
          </Button>
        </Group>
        {(storedRecordings.length > 0 || undeliveredMessages.length > 0) && (
          <Group align="start" gap="xl">
            <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm">
                Recordings waiting
              </Text>
              {storedRecordings.map((r) => (
                <Checkbox key={r.id} label={`${formatDateTime(r.createdAt)} · ${formatBytes(r.size)}`} checked={chosen.recordings.includes(r.id)} onChange={() => toggle('recordings', r.id)} />
              ))}
              {!storedRecordings.length && <Text size="sm">None</Text>}
            </Stack>
            <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm">
                Messages not yet delivered
              </Text>
              {undeliveredMessages.map((m) => (
                <Checkbox key={m.id} label={`${m.callerName} · ${formatDateTime(m.createdAt)}`} checked={chosen.messages.includes(m.id)} onChange={() => toggle('messages', m.id)} />
              ))}
              {!undeliveredMessages.length && <Text size="sm">None</Text>}
            </Stack>
          </Group>
        )}
        {create.error && (
          <Alert color="red.9" role="alert" mt="sm">
            {errorText(create.error)}
          </Alert>
        )}
      </Paper>

      {created && (
        <Paper withBorder p="md" mb="lg" role="status" style={{ borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 }}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              One-time password: shown this once
            </Title>
            <Text>
              Copy it now. CallVault keeps only a hash of it and cannot show it again; without it this delivery cannot be downloaded. It expires {formatDateTime(created.expiresAt)}.
            </Text>
            <Group>
              <Text ff="monospace" fz="lg" fw={700} data-testid="one-time-password">
                {created.password}
              </Text>
              <CopyButton value={created.password}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy password'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">
              {created.recordingCount} recordings and {created.messageCount} messages.
            </Text>
          </Stack>
        </Paper>
      )}

      <Title order={2} size="h4" mb="xs">
        Your deliveries
      </Title>
      {deliveries.isPending && <Loader aria-label="Loading deliveries" />}
      {deliveries.error && <Alert color="red.9" role="alert">{errorText(deliveries.error)}</Alert>}
      {deliveries.data && deliveries.data.length === 0 && <Text>No deliveries yet.</Text>}
      {deliveries.data && deliveries.data.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Recordings</Table.Th>
              <Table.Th scope="col">Messages</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={d.status === 'open' ? 'blue.9' : d.status === 'consumed' ? 'green.9' : 'gray.9'} variant="outline">
                    {words(d.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.recordingCount}</Table.Td>
                <Table.Td>{d.messageCount}</Table.Td>
                <Table.Td>{formatDateTime(d.expiresAt)}</Table.Td>
                <Table.Td>
                  {d.status !== 'consumed' && d.status !== 'expired' && d.status !== 'locked' && (
                    <Button size="xs" variant="default" onClick={() => setOpen(open === d.id ? null : d.id)} aria-expanded={open === d.id}>
                      Download or verify
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && (
        <Paper withBorder p="md" mt="md">
          <Title order={2} size="h4" mb="xs">
            Download and verify
          </Title>
          <DeliveryDownload key={open} deliveryId={open} knownPassword={created?.id === open ? created.password : undefined} />
        </Paper>
      )}
    </>
  );
}
