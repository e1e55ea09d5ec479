import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import type { Ok } from '../../api/contract';
import { formatDateTime, words } from '../../lib/format';
import { errorText, PageTitle } from '../../lib/PageTitle';
import { useClientInstructions } from '../../lib/useClientInstructions';

type Message = Ok<'/messages', 'get'>[number];
const PAGE = 50;

/** The client's messages, newest first, 50 at a time (keyset pages: fast however many there are). */
export default function InboxPage() {
  const [search, setSearch] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [unread, setUnread] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const filters = { search: debounced || undefined, urgent: urgent || undefined, unread: unread || undefined };

  const counts = useQuery({ queryKey: ['messages', 'counts'], queryFn: () => call('get', '/messages/unread-count') });
  const messages = useInfiniteQuery({
    queryKey: ['messages', 'list', filters],
    queryFn: ({ pageParam }) => call('get', '/messages', { query: { ...filters, limit: PAGE, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
    // While a filter's answer is on its way, the list shows the previous one rather than flashing empty.
    placeholderData: keepPreviousData,
  });
  const fields = useClientInstructions().data?.intakeFields ?? [];
  const rows = messages.data?.pages.flat() ?? [];

  return (
    <>
      <PageTitle
        aside={
          counts.data && (
            <Group gap="xs" aria-live="polite">
              <Badge size="lg" variant="outline">
                {counts.data.unread} unread
              </Badge>
              {counts.data.urgentUnread > 0 && (
                <Badge size="lg" color="red.9">
                  {counts.data.urgentUnread} urgent unread
                </Badge>
              )}
            </Group>
          )
        }
      >
        Inbox
      </PageTitle>
      <Group mb="md" align="end" wrap="wrap">
        <TextInput label="Search by caller name or number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} type="search" />
        <Checkbox label="Urgent only" checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} />
        <Checkbox label="Unread only" checked={unread} onChange={(e) => setUnread(e.currentTarget.checked)} />
      </Group>
      {messages.isPending && <Loader aria-label="Loading messages" />}
      {messages.error && <Alert color="red.9" role="alert">{errorText(messages.error)}</Alert>}
      {messages.isSuccess && rows.length === 0 && <Text>No messages{debounced || urgent || unread ? ' match these filters' : ' yet'}.</Text>}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} aria-label="Messages">
        {rows.map((message) => (
          <MessageCard key={message.id} message={message} fieldNames={fields.map((f) => f.name)} />
        ))}
      </Stack>
      {messages.hasNextPage && (
        <Button mt="md" variant="default" onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage}>
          Older messages
        </Button>
      )}
    </>
  );
}

function MessageCard({ message, fieldNames }: { message: Message; fieldNames: string[] }) {
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: (what: 'read' | 'actioned') => call('post', what === 'read' ? '/messages/{messageId}/read' : '/messages/{messageId}/actioned', { path: { messageId: message.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['messages'] }),
  });
  const custom = Object.entries(message.customFields ?? {});
  const ordered = [...fieldNames.filter((n) => n in (message.customFields ?? {})), ...custom.map(([k]) => k).filter((k) => !fieldNames.includes(k))];
  const unread = !message.readAt;

  return (
    <Card component="li" withBorder padding="md" aria-label={`Message from ${message.callerName}`} style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-8)' } : undefined}>
      <Group justify="space-between" align="start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700}>{message.callerName}</Text>
            <Text>{message.callerPhone}</Text>
            {message.callerEmail && <Text c="dimmed">{message.callerEmail}</Text>}
          </Group>
          <Group gap="xs">
            {message.urgency === 'urgent' && <Badge color="red.9">Urgent</Badge>}
            {message.callbackRequested && <Badge color="violet.9" variant="outline">Callback requested</Badge>}
            {unread ? <Badge variant="outline">Unread</Badge> : <Badge color="gray.9" variant="outline">Read</Badge>}
            {message.actionedAt && <Badge color="green.9" variant="outline">Actioned</Badge>}
          </Group>
        </Stack>
        <Text size="sm" c="dimmed">
          <time dateTime={String(message.createdAt)}>{formatDateTime(message.createdAt)}</time>
        </Text>
      </Group>
      <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {message.body}
      </Text>
      {ordered.length > 0 && (
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '8px 0 0' }}>
          {ordered.map((name) => (
            <div key={name} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" fw={600}>
                {words(name)}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {String(message.customFields[name])}
              </Text>
            </div>
          ))}
        </dl>
      )}
      <Group mt="sm" gap="xs">
        {unread && (
          <Button size="xs" variant="default" onClick={() => mark.mutate('read')} loading={mark.isPending && mark.variables === 'read'}>
            Mark read
          </Button>
        )}
        {!message.actionedAt && (
          <Button size="xs" variant="default" onClick={() => mark.mutate('actioned')} loading={mark.isPending && mark.variables === 'actioned'}>
            Mark actioned
          </Button>
        )}
        {message.deliveredAt && (
          <Text size="xs" c="dimmed">
            Delivered {formatDateTime(message.deliveredAt)}
          </Text>
        )}
      </Group>
      {mark.error && (
        <Alert color="red.9" role="alert" mt="xs">
          {errorText(mark.error)}
        </Alert>
      )}
    </Card>
  );
}
