import { Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { formatBytes } from '../consoles/format';
import { Notice } from '../consoles/ui';

/** What the API accepts (it checks the leading bytes too). */
const AUDIO_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', m4a: 'audio/mp4', mp4: 'audio/mp4' };

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; file: File; loaded: number }
  | { state: 'stored'; file: File; size: number; sha256: string }
  | { state: 'failed'; file: File | null; message: string; retry: boolean };

function contentTypeOf(file: File): string | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (Object.values(AUDIO_TYPES).includes(file.type)) return file.type;
  if (file.type === 'audio/x-wav' || file.type === 'audio/wave') return 'audio/wav';
  return AUDIO_TYPES[extension] ?? null;
}

/**
 * Streams one recording to PUT /calls/:id/recording with XMLHttpRequest, whose upload events give a
 * real progress bar (fetch has none for request bodies). Wrong type and size are caught before
 * sending; a dropped connection can be retried with the same file.
 */
export function RecordingUpload({ callId, maxBytes }: { callId: string; maxBytes: number }) {
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);

  function send(file: File) {
    const type = contentTypeOf(file);
    if (!type) return setUpload({ state: 'failed', file: null, message: `${file.name} is not a recording this service accepts: choose a WAV, MP3, OGG or M4A file.`, retry: false });
    if (file.size > maxBytes) return setUpload({ state: 'failed', file: null, message: `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`, retry: false });
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('PUT', `/calls/${callId}/recording`);
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => setUpload({ state: 'sending', file, loaded: e.loaded });
    xhr.onerror = () => setUpload({ state: 'failed', file, message: 'The connection failed before the recording was stored.', retry: true });
    xhr.onabort = () => setUpload({ state: 'failed', file, message: 'The upload was cancelled.', retry: true });
    xhr.onload = () => {
      let body: { size?: number; sha256?: string; message?: string | string[] } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* an empty or non-JSON answer: use the status below */
      }
      if (xhr.status === 201) return setUpload({ state: 'stored', file, size: body.size ?? file.size, sha256: body.sha256 ?? '' });
      const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? `The server answered ${xhr.status}.`);
      setUpload({ state: 'failed', file, message, retry: xhr.status >= 500 });
    };
    setUpload({ state: 'sending', file, loaded: 0 });
    xhr.send(file);
  }

  const percent = upload.state === 'sending' ? Math.round((upload.loaded / Math.max(upload.file.size, 1)) * 100) : 0;
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="md"
        bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file && upload.state !== 'sending') send(file);
        }}
        aria-label="Recording drop zone"
        data-testid="recording-dropzone"
      >
        <Group justify="space-between">
          <Text>Drop the call's recording here, or</Text>
          <FileButton onChange={(file) => file && send(file)} accept="audio/wav,audio/mpeg,audio/ogg,audio/mp4,.wav,.mp3,.ogg,.m4a">
            {(props) => (
              <Button {...props} variant="default" disabled={upload.state === 'sending'}>
                Choose recording
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {upload.state === 'sending' && (
        <>
          <Progress value={percent} aria-label="Upload progress" size="lg" striped animated />
          <Group justify="space-between">
            <Text size="sm">
              Sending {upload.file.name}: {formatBytes(upload.loaded)} of {formatBytes(upload.file.size)} ({percent} %)
            </Text>
            <Button size="xs" variant="subtle" onClick={() => request.current?.abort()}>
              Cancel
            </Button>
          </Group>
        </>
      )}
      {upload.state === 'stored' && (
        <Notice color="green" title="Recording stored" role="status">
          {upload.file.name}, {formatBytes(upload.size)}, encrypted and stored. SHA-256 <code>{upload.sha256.slice(0, 16)}…</code>
        </Notice>
      )}
      {upload.state === 'failed' && (
        <Notice color="red" title="Recording not stored" role="alert">
          <Stack gap="xs">
            <Text size="sm">{upload.message}</Text>
            {upload.retry && upload.file && (
              <Button size="xs" onClick={() => send(upload.file!)} w="fit-content">
                Retry upload
              </Button>
            )}
          </Stack>
        </Notice>
      )}
    </Stack>
  );
}
