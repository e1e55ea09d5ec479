import { Alert, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime, words } from '../../lib/format';
import { errorText, PageTitle } from '../../lib/PageTitle';

/** GET /dsr answers a client user with its inbox items (the DPO gets full requests). */
type ForwardedRequest = components['schemas']['DsrInboxItemDto'];
/** A client's possible answers about its own caller records (GDPR art. 28(3)(e)). */
const ANSWERS = [
  { value: 'export', label: 'Export: send me their records' },
  { value: 'erase', label: 'Erase their records' },
  { value: 'rectify', label: 'Rectify as requested' },
  { value: 'restrict', label: 'Restrict processing' },
  { value: 'refuse', label: 'Refuse (give the reason)' },
];

/** Data subject requests the operator forwarded: the person's records here are this client's to decide on. */
export default function RequestsPage() {
  const requests = useQuery({ queryKey: ['dsr'], queryFn: async () => (await call('get', '/dsr', { query: { status: 'all' } })) as ForwardedRequest[] });
  return (
    <>
      <PageTitle>Requests from the operator</PageTitle>
      <Text size="sm" mb="md">
        A person asked the answering service about their data. You control the caller records, so you decide; the service carries out your answer at once.
      </Text>
      {requests.isPending && <Loader aria-label="Loading requests" />}
      {requests.error && <Alert color="red.9" role="alert">{errorText(requests.error)}</Alert>}
      {requests.data && requests.data.length === 0 && <Text>No requests have been forwarded to you.</Text>}
      <Stack component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Requests">
        {requests.data?.map((request) => <RequestCard key={request.id} request={request} />)}
      </Stack>
    </>
  );
}

function RequestCard({ request }: { request: ForwardedRequest }) {
  const client = useQueryClient();
  const [answer, setAnswer] = useState('export');
  const [reason, setReason] = useState('');
  const selectId = useId();
  const act = useMutation({
    mutationFn: () => call('post', '/dsr/{id}/actions', { path: { id: request.id }, body: { action: answer, ...(answer === 'refuse' ? { reason } : {}) } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dsr'] }),
  });
  const open = request.status === 'awaiting_client';
  const who = [request.subject.name, request.subject.email, request.subject.phone].filter(Boolean).join(' · ');

  return (
    <Card component="li" withBorder aria-label={`${words(request.type)} request`}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={700}>{words(request.type)} request</Text>
          <Badge variant="outline" color={open ? 'blue.9' : 'green.9'}>
            {words(request.status)}
          </Badge>
          {request.overdue && <Badge color="red.9">Overdue</Badge>}
        </Group>
        <Text size="sm">
          Due {formatDate(request.dueAt)}
          {request.daysLeft !== null && ` (${request.daysLeft} days left)`}
        </Text>
      </Group>
      <Text size="sm" mt="xs">
        About: {who || '—'} · {request.matches.length} of your records match · forwarded {formatDateTime(request.forwardedAt)}
      </Text>
      {request.details && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {request.details}
        </Text>
      )}
      {request.lastInstruction && (
        <Text size="sm" mt="xs">
          Your answer: {words(request.lastInstruction)} ({formatDateTime(request.answeredAt)})
        </Text>
      )}
      {open && (
        <Group mt="sm" align="end" wrap="wrap">
          <NativeSelect id={selectId} label="Your answer" data={ANSWERS} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} />
          {answer === 'refuse' && <Textarea label="Reason for refusing" value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} w={360} />}
          <Button onClick={() => act.mutate()} loading={act.isPending}>
            Send answer
          </Button>
        </Group>
      )}
      {act.error && (
        <Alert color="red.9" role="alert" mt="xs">
          {errorText(act.error)}
        </Alert>
      )}
    </Card>
  );
}
