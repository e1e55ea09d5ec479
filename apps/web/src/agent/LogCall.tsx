import { Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, messagesOf } from '../consoles/api';
import { formatDateTime } from '../consoles/format';
import { ErrorAlert, Notice } from '../consoles/ui';
import type { AgentLimits, IntakeScript } from '../consoles/types';
import { emptyForm, toMessage } from './call-form-model';
import { MessageFields, serverErrorsByField } from './MessageFields';
import { RecordingUpload } from './RecordingUpload';

/**
 * One call, keyboard first: the call starts when the form opens and ends when it is saved; Ctrl+Enter
 * (or ⌘+Enter) saves from any field. The form is built from the client's intake script and checked
 * with the API's own rules; what the server still refuses lands on the same fields.
 */
export function LogCall({ script, limits, onNext }: { script: IntakeScript; limits: AgentLimits | undefined; onNext: () => void }) {
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => new Date());
  const [values, setValues] = useState(() => emptyForm(script.intakeFields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [callId, setCallId] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ callId: string; at: Date } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => first.current?.focus(), []);

  const save = useMutation({
    mutationFn: async () => {
      const { message, errors: found } = toMessage(script.intakeFields, values);
      setErrors(found);
      if (Object.keys(found).length) throw new Error('Check the highlighted fields.');
      // A call already logged (the message failed last time) is not logged twice.
      const id = callId ?? (await api.post<{ id: string }>('/calls', { clientId: script.clientId, callerNumber: message.callerPhone, startedAt: startedAt.toISOString(), endedAt: new Date().toISOString() })).id;
      setCallId(id);
      await api.post(`/calls/${id}/messages`, message);
      return id;
    },
    onSuccess: (id) => {
      setSaved({ callId: id, at: new Date() });
      void queryClient.invalidateQueries({ queryKey: ['agent', 'messages'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) setErrors(serverErrorsByField(messagesOf(error)));
    },
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  if (saved) {
    return (
      <Stack>
        <Notice color="green" title="Call saved" role="status">
          Message for {script.name} saved at {formatDateTime(saved.at)}.
        </Notice>
        <Title order={3}>Recording</Title>
        <RecordingUpload callId={saved.callId} maxBytes={limits?.recordingMaxBytes ?? 2 * 1024 ** 3} />
        <Group>
          <Button onClick={onNext}>Next call</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={`New call for ${script.name}`}>
      <form
        ref={form}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (!save.isPending) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Call started {formatDateTime(startedAt)}
          </Text>
          <MessageFields fields={script.intakeFields} values={values} errors={errors} onChange={setValues} firstRef={first} />
          {save.error && <ErrorAlert title="Not saved" error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save call
            </Button>
            <Text size="sm" c="dimmed">
              or press <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd>
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
