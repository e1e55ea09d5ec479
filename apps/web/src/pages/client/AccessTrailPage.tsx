import { Alert, Anchor, Badge, Button, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, urlOf } from '../../api/client';
import { formatDateTime, words } from '../../lib/format';
import { errorText, PageTitle } from '../../lib/PageTitle';

const PAGE = 100;
/** A date field (yyyy-mm-dd) as the start of that day in UK time, roughly: the API compares instants. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined);

/** Who touched this client's data: every audit event about it, newest first, with the chain's last check. */
export default function AccessTrailPage() {
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = { action: action.trim() || undefined, from: dayStart(from), to: dayEnd(to) };
  const chain = useQuery({ queryKey: ['audit', 'verification'], queryFn: () => call('get', '/audit/verification') });
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam }) => call('get', '/audit', { query: { ...filters, limit: PAGE, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].seq : undefined),
    placeholderData: keepPreviousData,
  });
  const rows = events.data?.pages.flat() ?? [];

  return (
    <>
      <PageTitle
        aside={
          chain.data && (
            <Badge size="lg" color={chain.data.status === 'intact' ? 'green.9' : chain.data.status === 'broken' ? 'red.9' : 'gray.9'} variant="outline">
              {chain.data.status === 'intact'
                ? `Chain verified intact ${formatDateTime(chain.data.verifiedAt)}`
                : chain.data.status === 'broken'
                  ? `Chain verification FAILED ${formatDateTime(chain.data.verifiedAt)}`
                  : 'Chain not verified yet'}
            </Badge>
          )
        }
      >
        Access trail
      </PageTitle>
      <Group mb="md" align="end" wrap="wrap">
        <TextInput label="Action" placeholder="e.g. message.read" value={action} onChange={(e) => setAction(e.currentTarget.value)} />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Anchor href={urlOf('/audit/export.csv', { ...filters, limit: 1000 })} download="access-trail.csv">
          Export CSV
        </Anchor>
      </Group>
      {events.isPending && <Loader aria-label="Loading the access trail" />}
      {events.error && <Alert color="red.9" role="alert">{errorText(events.error)}</Alert>}
      {events.isSuccess && rows.length === 0 && <Text>No events match.</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder aria-label="Audit events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" title={e.actorId ?? ''}>
                    {e.actorId ? e.actorId.slice(0, 8) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{words(e.actorRole)}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>{e.subjectType ? `${e.subjectType} ${e.subjectId?.slice(0, 8) ?? ''}` : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={e.outcome === 'success' ? 'green.9' : 'red.9'} variant="outline">
                    {words(e.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>{'breakGlassReason' in e && typeof e.breakGlassReason === 'string' ? e.breakGlassReason : typeof e.details?.reason === 'string' ? e.details.reason : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {events.hasNextPage && (
        <Button mt="md" variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          Older events
        </Button>
      )}
    </>
  );
}
