import { Alert, Button, Group, Input, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { sha256OfFile } from '../../lib/sha256';
import { errorText } from '../../lib/PageTitle';
import { sendReceipt } from './delivery-receipt';

/**
 * Download and verify one delivery. The download is a form post into a hidden frame, so the browser
 * saves the archive itself, streamed to disk; a refusal (JSON) lands in the frame and is shown here.
 * Verifying reads the saved file locally (it never leaves the machine) and sends only its SHA-256.
 */
export function DeliveryDownload({ deliveryId, knownPassword }: { deliveryId: string; knownPassword?: string }) {
  const client = useQueryClient();
  const [password, setPassword] = useState(knownPassword ?? '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submitted = useRef(false);
  const frameName = `download-${deliveryId}`;
  const fileId = useId();

  const frameLoaded = (frame: HTMLIFrameElement) => {
    // A started download loads nothing into the frame; only a refusal does.
    if (!submitted.current) return;
    const text = frame.contentDocument?.body?.textContent ?? '';
    try {
      const body = JSON.parse(text) as { message?: string; statusCode?: number };
      setRefusal(body.statusCode === 401 ? 'The password is wrong.' : (body.message ?? 'The download was refused.'));
    } catch {
      setRefusal('The download was refused.');
    }
    void client.invalidateQueries({ queryKey: ['deliveries'] });
  };

  const verify = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    setVerified(null);
    try {
      const digest = await sha256OfFile(file, setProgress);
      await sendReceipt(deliveryId, password, digest);
      setVerified(digest);
      await Promise.all([client.invalidateQueries({ queryKey: ['deliveries'] }), client.invalidateQueries({ queryKey: ['recordings'] })]);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <Stack gap="sm">
      {!knownPassword && (
        <PasswordInput label="One-time password" description="As shown when the delivery was created" value={password} onChange={(e) => setPassword(e.currentTarget.value)} w={320} />
      )}
      <form method="post" action={`/deliveries/${deliveryId}/download`} target={frameName} onSubmit={() => ((submitted.current = true), setRefusal(null))}>
        <input type="hidden" name="password" value={password} />
        <Group gap="sm">
          <Button type="submit" disabled={!password}>
            Download ZIP
          </Button>
          <Text size="sm" c="dimmed">
            Your browser saves the archive. Then verify it below.
          </Text>
        </Group>
      </form>
      <iframe name={frameName} title="Download answer" hidden onLoad={(e) => frameLoaded(e.currentTarget)} />
      {refusal && (
        <Alert color="red.9" role="alert" title="Not downloaded">
          {refusal}
        </Alert>
      )}
      <Input.Wrapper label="Saved ZIP file" description="Choose the archive you saved; it is checked on this computer and never uploaded." id={fileId}>
        <input id={fileId} type="file" accept=".zip,application/zip" disabled={!password} onChange={(e) => void verify(e.currentTarget.files?.[0])} />
      </Input.Wrapper>
      {progress !== null && <Progress value={Math.round(progress * 100)} aria-label="Verification progress" size="lg" />}
      {verified && (
        <Alert color="green.9" role="status" title="Verified">
          Receipt confirmed (SHA-256 {verified.slice(0, 16)}…). The recordings in this delivery are now being deleted from CallVault.
        </Alert>
      )}
      {failure && (
        <Alert color="red.9" role="alert" title="Not verified">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
