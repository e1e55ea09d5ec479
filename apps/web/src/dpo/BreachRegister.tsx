import { Badge, Button, Checkbox, Group, MultiSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { formatCountdown, formatDateTime } from '../consoles/format';
import { ErrorAlert, FormPanel, useNow } from '../consoles/ui';
import { useClients } from '../consoles/useClients';
import type { Breach, Client } from '../consoles/types';

/**
 * Every breach, reported or not (art. 33(5)): the regulator's 72-hour clock for the operator's own
 * data, each affected client's notification deadline for caller data. The DPO records and acts;
 * admins read.
 */
export function BreachRegister({ canAct, headingLevel = 1 }: { canAct: boolean; headingLevel?: 1 | 2 }) {
  const clients = useClients();
  const breaches = useQuery({ queryKey: ['breaches'], queryFn: () => api.get<Breach[]>('/breaches') });
  const now = useNow();
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return (
    <Stack>
      <Title order={headingLevel}>Breach register</Title>
      {canAct && <NewBreach clients={clients} />}
      <ErrorAlert error={breaches.error} />
      {breaches.data?.length === 0 && <Text>No breaches recorded.</Text>}
      {breaches.data?.map((b) => (
        <Paper key={b.id} withBorder p="md" component="article" aria-label={`Breach detected ${formatDateTime(b.detectedAt)}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={(headingLevel + 1) as 2 | 3}>Detected {formatDateTime(b.detectedAt)}</Title>
              <Group gap="xs">
                {b.highRisk && <Badge color="red.9">high risk</Badge>}
                {b.affectsCallerData && <Badge color="blue.9">caller data</Badge>}
                {b.affectsOperatorData && <Badge color="grape.9">operator data</Badge>}
              </Group>
            </Group>
            <Text>{b.nature}</Text>
            <Text size="sm">Data: {b.dataCategories.join(', ')}</Text>
            {b.regulator && <Regulator breach={b} now={now} canAct={canAct} />}
            {b.affectedClients.length > 0 && (
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Affected client</Table.Th>
                    <Table.Th>Notify by</Table.Th>
                    <Table.Th>Notified</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.affectedClients.map((c) => (
                    <Table.Tr key={c.clientId}>
                      <Table.Td>{clientName(c.clientId)}</Table.Td>
                      <Table.Td>
                        {formatDateTime(c.notifyBy)} {!c.notifiedAt && <Text span size="xs">({formatCountdown(c.notifyBy, now)} left)</Text>}{' '}
                        {c.overdue && <Badge color="red.9">overdue</Badge>}
                      </Table.Td>
                      <Table.Td>{c.notifiedAt ? `${formatDateTime(c.notifiedAt)}${c.channel ? ` by ${c.channel}` : ''}` : canAct ? <Act breachId={b.id} body={{ action: 'notify_client', clientId: c.clientId, channel: 'email' }} label={`Mark ${clientName(c.clientId)} notified`} /> : 'not yet'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {b.subjects.mustBeInformed && (
              <Text size="sm">
                People affected: {b.subjects.informedAt ? `informed ${formatDateTime(b.subjects.informedAt)}` : 'must be informed'}{' '}
                {canAct && b.subjects.pending && <Act breachId={b.id} body={{ action: 'inform_subjects' }} label="Mark people informed" />}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function Regulator({ breach, now, canAct }: { breach: Breach; now: number; canAct: boolean }) {
  const r = breach.regulator!;
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const open = !r.notifiedAt && !r.notRequiredReason;
  return (
    <Stack gap={4}>
      <Text fw={600}>
        Regulator (72 hours): due {formatDateTime(r.dueAt)}{' '}
        {open && (
          <Badge color={r.overdue ? 'red.9' : 'blue.9'} data-testid="regulator-clock">
            {r.overdue ? 'overdue' : `${formatCountdown(r.dueAt, now)} left`}
          </Badge>
        )}
      </Text>
      {r.notifiedAt && <Text size="sm">Notified {formatDateTime(r.notifiedAt)}.</Text>}
      {r.notRequiredReason && <Text size="sm">Not notified: {r.notRequiredReason}</Text>}
      {open && canAct && (
        <Group align="end">
          <TextInput label="Regulator's reference" size="xs" value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <Act breachId={breach.id} body={{ action: 'notify_regulator', ...(reference ? { reference } : {}) }} label="Mark regulator notified" />
          {!breach.highRisk && (
            <>
              <TextInput label="Why notification is not required" size="xs" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Act breachId={breach.id} body={{ action: 'decide_regulator_not_required', reason }} label="Record: not required" />
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}

function Act({ breachId, body, label }: { breachId: string; body: Record<string, unknown>; label: string }) {
  const queryClient = useQueryClient();
  const act = useMutation({ mutationFn: () => api.post(`/breaches/${breachId}/actions`, body), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['breaches'] }) });
  return (
    <>
      <Button size="xs" variant="default" loading={act.isPending} onClick={() => act.mutate()}>
        {label}
      </Button>
      {act.error && <ErrorAlert error={act.error} />}
    </>
  );
}

function NewBreach({ clients }: { clients: Client[] }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ detectedAt: '', nature: '', dataCategories: '', affectsCallerData: false, affectsOperatorData: true, affectedClientIds: [] as string[], likelyConsequences: '', measuresTaken: '', highRisk: false });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const create = useMutation({
    mutationFn: () =>
      api.post('/breaches', {
        ...form,
        detectedAt: form.detectedAt ? new Date(form.detectedAt).toISOString() : new Date().toISOString(),
        dataCategories: form.dataCategories.split(',').map((c) => c.trim()).filter(Boolean),
        affectedClientIds: form.affectsCallerData ? form.affectedClientIds : undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['breaches'] }),
  });
  return (
    <FormPanel label="Record a breach" order={2} onSubmit={() => create.mutate()}>
      <Group grow>
        <TextInput label="Detected at" description="Empty: now" type="datetime-local" value={form.detectedAt} onChange={(e) => set({ detectedAt: e.currentTarget.value })} />
        <TextInput label="Data categories" description="Comma separated" value={form.dataCategories} onChange={(e) => set({ dataCategories: e.currentTarget.value })} />
      </Group>
      <Textarea label="What happened" value={form.nature} onChange={(e) => set({ nature: e.currentTarget.value })} />
      <Group>
        <Checkbox label="Operator's own data affected" checked={form.affectsOperatorData} onChange={(e) => set({ affectsOperatorData: e.currentTarget.checked })} />
        <Checkbox label="Caller data affected" checked={form.affectsCallerData} onChange={(e) => set({ affectsCallerData: e.currentTarget.checked })} />
        <Checkbox label="High risk to people" checked={form.highRisk} onChange={(e) => set({ highRisk: e.currentTarget.checked })} />
      </Group>
      {form.affectsCallerData && <MultiSelect label="Affected clients" data={clients.map((c) => ({ value: c.id, label: c.name }))} value={form.affectedClientIds} onChange={(v) => set({ affectedClientIds: v })} searchable />}
      <Group grow>
        <Textarea label="Likely consequences" value={form.likelyConsequences} onChange={(e) => set({ likelyConsequences: e.currentTarget.value })} />
        <Textarea label="Measures taken" value={form.measuresTaken} onChange={(e) => set({ measuresTaken: e.currentTarget.value })} />
      </Group>
      <ErrorAlert title="Not recorded" error={create.error} />
      <Button type="submit" loading={create.isPending} w="fit-content">
        Record breach
      </Button>
    </FormPanel>
  );
}
