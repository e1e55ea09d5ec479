import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../consoles/api';
import { londonDay } from '../consoles/format';
import { ErrorAlert, PageTitle } from '../consoles/ui';
import { useClients } from '../consoles/useClients';
import type { DailyUsage } from '../consoles/types';

/** A client's calls, minutes and messages per day for a period, drawn and downloadable as CSV. */
export default function UsagePage() {
  const clients = useClients();
  const [draft, setDraft] = useState({ clientId: '', from: londonDay(-29), to: londonDay() });
  const [period, setPeriod] = useState<typeof draft | null>(null);
  const usage = useQuery({
    queryKey: ['usage', period],
    enabled: Boolean(period?.clientId),
    queryFn: () => api.get<DailyUsage>(`/clients/${period!.clientId}/usage/daily`, { from: period!.from, to: period!.to }),
  });
  const totals = usage.data?.days.reduce((t, d) => ({ calls: t.calls + d.calls, minutes: t.minutes + d.minutes, messages: t.messages + d.messages }), { calls: 0, minutes: 0, messages: 0 });
  return (
    <Stack>
      <PageTitle>Usage</PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod(draft);
        }}
      >
        <Group align="end">
          <NativeSelect
            label="Client"
            data={[{ value: '', label: 'Choose a client…' }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
            value={draft.clientId}
            onChange={(e) => setDraft({ ...draft, clientId: e.currentTarget.value })}
          />
          <TextInput label="From" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" disabled={!draft.clientId}>
            Show usage
          </Button>
          {period?.clientId && (
            <Anchor href={withQuery(`/clients/${period.clientId}/usage`, { from: period.from, to: period.to, format: 'csv' })} download>
              Download CSV
            </Anchor>
          )}
        </Group>
      </form>
      <ErrorAlert error={usage.error} />
      {usage.data && totals && (
        <>
          <Text>
            {totals.calls} calls, {totals.minutes} billable minutes, {totals.messages} messages from {usage.data.from} to {usage.data.to}.
          </Text>
          <figure aria-label="Calls, minutes and messages per day" data-testid="usage-chart" style={{ margin: 0 }}>
            <BarChart
              h={300}
              data={usage.data.days}
              dataKey="date"
              withLegend
              series={[
                { name: 'calls', label: 'Calls', color: 'blue.6' },
                { name: 'minutes', label: 'Minutes', color: 'teal.6' },
                { name: 'messages', label: 'Messages', color: 'grape.6' },
              ]}
            />
          </figure>
          <details>
            <summary>The figures as a table</summary>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th>Calls</Table.Th>
                  <Table.Th>Minutes</Table.Th>
                  <Table.Th>Messages</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usage.data.days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td>{d.date}</Table.Td>
                    <Table.Td>{d.calls}</Table.Td>
                    <Table.Td>{d.minutes}</Table.Td>
                    <Table.Td>{d.messages}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      )}
    </Stack>
  );
}
