import { Alert, Badge, Button, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { formatBytes, formatDateTime } from '../../lib/format';
import { errorText, PageTitle } from '../../lib/PageTitle';

const PAGE = 100;
/** The API's states in the client's words: a recording waits, is out for download, then is gone. */
const STATUS = {
  receiving: { label: 'Arriving', color: 'gray.9' },
  stored: { label: 'Stored', color: 'blue.9' },
  delivered: { label: 'Delivered, awaiting deletion', color: 'orange.9' },
  deleted: { label: 'Deleted', color: 'green.9' },
} as const;

/** Metadata only: recordings are never played here; they leave only through a delivery. */
export default function RecordingsPage() {
  const recordings = useInfiniteQuery({
    queryKey: ['recordings', 'list'],
    queryFn: ({ pageParam }) => call('get', '/recordings', { query: { limit: PAGE, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
  });
  const rows = recordings.data?.pages.flat() ?? [];
  return (
    <>
      <PageTitle>Recordings</PageTitle>
      <Text mb="md" size="sm">
        Recordings cannot be played in the portal. They reach you in a delivery and are deleted from CallVault once you have it.
      </Text>
      {recordings.isPending && <Loader aria-label="Loading recordings" />}
      {recordings.error && <Alert color="red.9" role="alert">{errorText(recordings.error)}</Alert>}
      {recordings.isSuccess && rows.length === 0 && <Text>No recordings.</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder aria-label="Recordings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Received</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
              <Table.Th scope="col">Call</Table.Th>
              <Table.Th scope="col">Delivered</Table.Th>
              <Table.Th scope="col">Deleted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.storedAt ?? r.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS[r.status].color} variant="outline">
                    {STATUS[r.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatBytes(r.size)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" title={r.callId}>
                    {r.callId.slice(0, 8)}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(r.deliveredAt)}</Table.Td>
                <Table.Td>{formatDateTime(r.deletedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {recordings.hasNextPage && (
        <Button mt="md" variant="default" onClick={() => void recordings.fetchNextPage()} loading={recordings.isFetchingNextPage}>
          Older recordings
        </Button>
      )}
    </>
  );
}
