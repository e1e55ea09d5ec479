import { ApiError } from '../../api/client';

/**
 * Confirms receipt: the SHA-256 of the archive as saved, with the delivery's own Basic credentials
 * (not the session). Contract: POST /deliveries/:id/receipt {"sha256"} → 200 {status:"consumed"};
 * 409 the digest differs; 410 already consumed. A plain fetch until the route is in the generated
 * types; switch to call('post', '/deliveries/{deliveryId}/receipt') then.
 */
export async function sendReceipt(deliveryId: string, password: string, sha256: string): Promise<void> {
  const response = await fetch(`/deliveries/${encodeURIComponent(deliveryId)}/receipt`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${deliveryId}:${password}`)}` },
    body: JSON.stringify({ sha256 }),
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  const message =
    response.status === 409
      ? 'The file you chose is not the archive that was sent (its SHA-256 differs). Download it again, then verify that file.'
      : response.status === 410
        ? 'This delivery was already confirmed or has expired.'
        : response.status === 404
          ? 'The service does not take receipts yet.'
          : (body.message ?? response.statusText);
  throw new ApiError(response.status, message, body.code);
}
