import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, messagesOf } from '../consoles/api';
import { formatDateTime } from '../consoles/format';
import { ErrorAlert } from '../consoles/ui';
import type { CallerMessage, IntakeScript } from '../consoles/types';
import { PageTitle } from '../consoles/ui';
import { useAgentLimits } from './queries';
import { fromMessage, toMessage } from './call-form-model';
import { MessageFields, serverErrorsByField } from './MessageFields';

/** What this agent logged within its working window (the API returns nothing older), with corrections. */
export default function RecentWorkPage() {
  const scripts = useQuery({ queryKey: ['agent', 'clients', ''], queryFn: () => api.get<IntakeScript[]>('/agent/clients') }).data ?? [];
  const limits = useAgentLimits().data;
  const messages = useQuery({ queryKey: ['agent', 'messages'], queryFn: () => api.get<CallerMessage[]>('/messages', { limit: 50 }) });
  const [editing, setEditing] = useState<CallerMessage | null>(null);
  const clientName = (id: string) => scripts.find((s) => s.clientId === id)?.name ?? 'a client you no longer serve';
  return (
    <Stack>
      <PageTitle>My recent work</PageTitle>
      <Text size="sm" c="dimmed">
        Messages you logged in the last {limits?.workingWindowHours ?? 12} hours. You can correct them until the client has received them.
      </Text>
      <ErrorAlert error={messages.error} />
      {messages.data?.length === 0 && <Text>Nothing logged in your working window.</Text>}
      {!!messages.data?.length && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Logged</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Caller</Table.Th>
              <Table.Th>Message</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                <Table.Td>{clientName(m.clientId)}</Table.Td>
                <Table.Td>
                  {m.callerName}
                  {m.urgency === 'urgent' && (
                    <Badge color="red.9" ml="xs">
                      Urgent
                    </Badge>
                  )}
                  {m.correctedAt && (
                    <Badge color="gray.8" ml="xs">
                      Corrected
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{m.body.length > 80 ? `${m.body.slice(0, 80)}…` : m.body}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setEditing(m)} aria-label={`Correct the message from ${m.callerName}`}>
                    Correct
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <Correction message={editing} script={scripts.find((s) => s.clientId === editing.clientId)} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Correction({ message, script, onClose }: { message: CallerMessage; script: IntakeScript | undefined; onClose: () => void }) {
  const fields = script?.intakeFields ?? [];
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => fromMessage(fields, message));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () => {
      const { message: corrected, errors: found } = toMessage(fields, values);
      setErrors(found);
      if (Object.keys(found).length) throw new Error('Check the highlighted fields.');
      return api.patch(`/messages/${message.id}`, { ...corrected, callerEmail: corrected.callerEmail ?? null });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['agent', 'messages'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) setErrors(serverErrorsByField(messagesOf(error)));
    },
  });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Correct a message" size="lg">
      <form
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save.mutate();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <MessageFields fields={fields} values={values} errors={errors} onChange={setValues} />
          {save.error && <ErrorAlert title="Not corrected" error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save correction
            </Button>
            <Button variant="subtle" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
