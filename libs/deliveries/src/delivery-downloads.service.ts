import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { Archiver } from 'archiver';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { RecordingVault } from '#calls';
import { Clock } from '#clock';
import { DataKeyNotFoundError } from '#crypto';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { ObjectNotFoundError } from '#storage';
import { DeletionScheduler } from './deletion/deletion-scheduler';
import { DeliveredMessage, Manifest, ManifestFile, messagesCsv, messagesJson, recordingFileName } from './delivery-archive';
import { DeliveryClaim, DeliveryClaims } from './delivery-claims';
import type { AdmittedDelivery } from './delivery-credentials';
import { Delivery } from './delivery.entity';
import { DeliveryRangeError } from './errors';
import { ExpectedContent, Sha256Meter } from './streams';
import { createZip } from './zip-format';

const MESSAGE_PAGE = 200;
const ZIP64_ENTRY = 0xffffffff;

interface PlannedRecording {
  id: string;
  callId: string;
  startedAt: Date | null;
  contentType: string;
  size: number | null;
}

interface OpenedRecording extends PlannedRecording {
  stream: Readable;
  expected: ExpectedContent;
}

interface Written {
  files: ManifestFile[];
  omitted: Manifest['omitted'];
  recordingIds: string[];
  messages: number;
}

/** A recording that is no longer there to deliver (deleted at its retention since the delivery was made). */
const noLongerStored = (error: unknown) => error instanceof NotFoundError || error instanceof DataKeyNotFoundError || error instanceof ObjectNotFoundError;

/**
 * `GET /deliveries/:id/download` once the credential is admitted:
 *
 * 1. claim (one atomic UPDATE; 409/410/423 otherwise) and keep the lease alive while bytes flow;
 * 2. stream one ZIP straight to the socket, one entry at a time with backpressure end to end: each
 *    recording decrypted and verified (RecordingVault, then its SHA-256), messages.json and messages.csv page by page,
 *    every file's SHA-256 computed on the way, manifest.json last;
 * 3. only when the response has emitted 'finish' (every byte handed to the socket): one transaction
 *    consumes the delivery, marks its recordings delivered and its messages carried, writes one
 *    deletion outbox row per recording and audits; then the deletion jobs are enqueued.
 * An interrupted or failed transfer consumes nothing and releases the claim at once, so the same
 * credential can try again until expiry.
 */
@Injectable()
export class DeliveryDownloads {
  private readonly logger = new Logger(DeliveryDownloads.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly claims: DeliveryClaims,
    private readonly vault: RecordingVault,
    private readonly deletions: DeletionScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** HEAD: the headers a download would get, no body; claims, consumes and counts nothing. */
  probe(admitted: AdmittedDelivery, res: ServerResponse): void {
    this.writeHeaders(admitted.id, res);
    res.end();
  }

  async download(admitted: AdmittedDelivery, res: ServerResponse): Promise<void> {
    if (admitted.mode !== 'download') throw new DeliveryRangeError();
    const claim = await this.claims.claim(admitted.id, admitted.clientId);
    let zip: Archiver | undefined;
    const sent = () => zip?.pointer() ?? 0;
    let lost = false;
    let streaming = false;
    let sourceFailed = false;
    const lease = this.claims.keepAlive(claim, sent, () => {
      lost = true;
      res.destroy();
    });
    try {
      const { delivery, recordings } = await this.plan(claim);
      // The first recording is opened before any byte goes out, so a store that is down now still
      // gets a proper error answer instead of a cut connection.
      const omitted: Manifest['omitted'] = [];
      const first = await this.openNext(claim.clientId, recordings, omitted);
      const archive = createZip({ forceZip64: recordings.some((r) => (r.size ?? 0) >= ZIP64_ENTRY) });
      zip = archive;
      this.writeHeaders(delivery.id, res);
      // Backpressure end to end: the socket paces the archive, which paces each entry's source.
      const transfer = pipeline(archive, res);
      streaming = true;
      const aborted = new AbortController();
      transfer.catch((error) => aborted.abort(error));
      const written = await this.writeEntries(archive, delivery, first, recordings, omitted, aborted.signal).catch(async (error) => {
        sourceFailed = !aborted.signal.aborted; // else the transfer failed first (the client went away)
        archive.destroy(error); // not abort(): that ends the archive cleanly, and a cut must look cut
        await transfer.catch(() => undefined);
        throw error;
      });
      await transfer;
      // 'finish': every byte of the archive has been handed to the socket. Only now is it delivered.
      if (!res.writableFinished) throw Object.assign(new Error('response closed before it finished'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
      lease.stop();
      await this.complete(claim, written, sent()).catch((error) => this.notConsumed(claim, error, sent()));
    } catch (error) {
      lease.stop();
      await this.claims.release(claim).catch(() => undefined);
      const reason = lost ? 'lease_lost' : streaming && !sourceFailed ? 'interrupted' : 'error';
      if (reason === 'error') this.logger.warn({ err: error, deliveryId: claim.deliveryId }, 'delivery download failed; nothing consumed');
      await this.audit.append(this.event(claim, 'delivery.download', 'failure', { reason, bytes: sent() })).catch(() => undefined);
      if (!res.headersSent) throw error;
      res.destroy();
    }
  }

  /**
   * Everything was sent but the consuming transaction failed (the database went away): nothing is
   * consumed or deleted, the claim is given back, and the same credential may download again until
   * expiry; recordings left undelivered still go at their retention.
   */
  private async notConsumed(claim: DeliveryClaim, error: unknown, bytes: number): Promise<void> {
    this.logger.error({ err: error, deliveryId: claim.deliveryId }, 'delivery sent completely but could not be consumed; it stays open');
    await this.claims.release(claim).catch(() => undefined);
    await this.audit.append(this.event(claim, 'delivery.download', 'failure', { reason: 'not_consumed', bytes })).catch(() => undefined);
  }

  private writeHeaders(deliveryId: string, res: ServerResponse): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="callvault-delivery-${deliveryId}.zip"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Accept-Ranges', 'none');
  }

  private plan(claim: DeliveryClaim): Promise<{ delivery: Delivery; recordings: PlannedRecording[] }> {
    return this.scope.run(claim.clientId, async (tx) => {
      const delivery = await tx.findOneOrFail(Delivery, { where: { id: claim.deliveryId } });
      const rows: { id: string; call_id: string; started_at: Date | null; content_type: string; size: string | null }[] = await tx.query(
        `SELECT r.id, r.call_id, c.started_at, r.content_type, r.size
           FROM delivery_items i
           JOIN recordings r ON r.id = i.item_id
           LEFT JOIN calls c ON c.id = r.call_id
          WHERE i.delivery_id = $1 AND i.kind = 'recording'
          ORDER BY c.started_at NULLS LAST, r.id`,
        [delivery.id],
      );
      const recordings = rows.map((r) => ({ id: r.id, callId: r.call_id, startedAt: r.started_at, contentType: r.content_type, size: r.size === null ? null : Number(r.size) }));
      return { delivery, recordings };
    });
  }

  /** Opens the next recording still stored (decrypt-and-verify); the ones gone meanwhile are listed as omitted. */
  private async openNext(clientId: string, queue: PlannedRecording[], omitted: Manifest['omitted']): Promise<OpenedRecording | null> {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        return { ...next, ...(await this.openRecording(clientId, next.id)) };
      } catch (error) {
        if (!noLongerStored(error)) throw error;
        omitted.push({ recordingId: next.id, reason: 'no_longer_stored' });
      }
    }
    return null;
  }

  /**
   * Decrypt-and-verify, with one SHA-256 for two purposes: the vault decrypts and authenticates every
   * record (AES-GCM; truncation and reordering fail), and the manifest's hash of the plaintext is
   * checked against the one recorded at ingest (Sha256Meter), so the audio is hashed once, not twice.
   */
  private async openRecording(clientId: string, recordingId: string): Promise<{ stream: Readable; expected: ExpectedContent }> {
    const location = await this.vault.locate(clientId, recordingId);
    if (!location || (location.status !== 'stored' && location.status !== 'delivered') || !location.dataKeyId) throw new NotFoundError('Recording');
    const stream = await this.vault.openObject(clientId, location.storageKey, location.dataKeyId);
    return { stream, expected: { size: location.size, sha256: location.sha256 } };
  }

  private async writeEntries(
    zip: Archiver,
    delivery: Delivery,
    first: OpenedRecording | null,
    rest: PlannedRecording[],
    omitted: Manifest['omitted'],
    signal: AbortSignal,
  ): Promise<Written> {
    const files: ManifestFile[] = [];
    const recordingIds: string[] = [];
    const fileOfCall = new Map<string, string>();
    const taken = new Set<string>();
    for (let recording = first; recording; recording = signal.aborted ? null : await this.openNext(delivery.clientId, rest, omitted)) {
      const name = recordingFileName(recording.startedAt, recording.id, recording.contentType, taken);
      const { size, sha256 } = await this.addEntry(zip, recording.stream, name, recording.startedAt ?? this.clock.now(), signal, recording.expected);
      files.push({ name, size, sha256, recordingId: recording.id, callId: recording.callId });
      recordingIds.push(recording.id);
      fileOfCall.set(recording.callId, name);
    }
    signal.throwIfAborted();

    let messages = 0;
    const now = this.clock.now();
    const pages = (count: boolean) => this.messagePages(delivery, fileOfCall, count ? (n) => (messages += n) : () => undefined);
    const json = await this.addEntry(zip, Readable.from(messagesJson(delivery.id, pages(true))), 'messages.json', now, signal);
    files.push({ name: 'messages.json', ...json });
    const csv = await this.addEntry(zip, Readable.from(messagesCsv(pages(false))), 'messages.csv', now, signal);
    files.push({ name: 'messages.csv', ...csv });

    const manifest: Manifest = {
      format: 'callvault-delivery-1',
      deliveryId: delivery.id,
      createdAt: delivery.createdAt.toISOString(),
      generatedAt: now.toISOString(),
      files,
      omitted,
    };
    const done = once(zip, 'entry', { signal });
    zip.append(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), { name: 'manifest.json', date: now });
    await done;
    void zip.finalize().catch(() => undefined); // its outcome arrives through the pipeline
    return { files, omitted, recordingIds, messages };
  }

  /**
   * Appends one entry and waits until the ZIP has taken all of it; returns its size and SHA-256.
   * archiver does not see its sources' errors (it re-pipes them), so a failing source (the store, a
   * record that fails authentication, a hash that differs) is watched here and fails the archive.
   */
  private async addEntry(zip: Archiver, source: Readable, name: string, date: Date, signal: AbortSignal, expected?: ExpectedContent): Promise<{ size: number; sha256: string }> {
    const meter = new Sha256Meter(expected);
    const failed = new Promise<never>((_, reject) => meter.once('error', reject));
    const taken = once(zip, 'entry', { signal });
    failed.catch(() => undefined);
    taken.catch(() => undefined);
    source.on('error', (error) => meter.destroy(error));
    source.pipe(meter);
    zip.append(meter, { name, date });
    try {
      await Promise.race([taken, failed]);
    } catch (error) {
      source.destroy();
      meter.destroy();
      throw error;
    }
    return { size: meter.bytes, sha256: meter.sha256 };
  }

  /** The delivery's messages, oldest first, a page (and a short transaction) at a time. */
  private async *messagePages(delivery: Delivery, fileOfCall: Map<string, string>, counted: (n: number) => void): AsyncGenerator<DeliveredMessage[]> {
    let after = { createdAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const rows: MessageRow[] = await this.scope.run(delivery.clientId, (tx) =>
        tx.query(
          `SELECT m.id, m.call_id, m.created_at, c.started_at, c.ended_at, c.caller_number, m.caller_name, m.caller_phone,
                  m.caller_email, m.urgency, m.callback_requested, m.body, m.custom_fields
             FROM delivery_items i
             JOIN caller_messages m ON m.id = i.item_id
             LEFT JOIN calls c ON c.id = m.call_id
            WHERE i.delivery_id = $1 AND i.kind = 'message' AND (m.created_at, m.id) > ($2, $3)
            ORDER BY m.created_at, m.id
            LIMIT $4`,
          [delivery.id, after.createdAt, after.id, MESSAGE_PAGE],
        ),
      );
      counted(rows.length);
      yield rows.map((row) => ({
        id: row.id,
        callId: row.call_id,
        createdAt: row.created_at.toISOString(),
        callStartedAt: row.started_at?.toISOString() ?? null,
        callEndedAt: row.ended_at?.toISOString() ?? null,
        callerNumber: row.caller_number,
        callerName: row.caller_name,
        callerPhone: row.caller_phone,
        callerEmail: row.caller_email,
        urgency: row.urgency,
        callbackRequested: row.callback_requested,
        body: row.body,
        customFields: row.custom_fields ?? {},
        recordingFile: fileOfCall.get(row.call_id) ?? null,
      }));
      if (rows.length < MESSAGE_PAGE) return;
      after = { createdAt: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
    }
  }

  /**
   * The whole archive reached the socket: consume the delivery and schedule its recordings' deletion,
   * in one transaction, conditional on still holding the claim. Then enqueue the deletion jobs; if
   * Redis is down now, the outbox rows wait for the sweep.
   */
  private async complete(claim: DeliveryClaim, written: Written, bytes: number): Promise<void> {
    const outboxIds = await this.scope.run(claim.clientId, async (tx) => {
      const now = this.clock.now();
      const [consumed] = (await tx.query(
        `UPDATE deliveries
            SET status = 'consumed', consumed_at = $3, closed_at = $3, bytes_sent = $4,
                password_hash = NULL, lease_until = NULL, lease_token = NULL
          WHERE id = $1 AND lease_token = $2 AND status = 'open'
          RETURNING id`,
        [claim.deliveryId, claim.token, now, bytes],
      )) as [{ id: string }[], number];
      if (!consumed.length) return null;
      await tx.query(`UPDATE recordings SET status = 'delivered', delivered_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'stored'`, [written.recordingIds, now]);
      await tx.query(
        `UPDATE caller_messages SET delivery_id = COALESCE(delivery_id, $1), delivered_at = COALESCE(delivered_at, $2)
          WHERE id IN (SELECT item_id FROM delivery_items WHERE delivery_id = $1 AND kind = 'message')`,
        [claim.deliveryId, now],
      );
      const outbox: { id: string }[] = await tx.query(
        `INSERT INTO deletion_outbox (id, client_id, recording_id, reason, delivery_id, status, created_at)
         SELECT gen_random_uuid(), $2, r.id, 'delivered', $1, 'pending', $3 FROM unnest($4::uuid[]) AS r(id)
         ON CONFLICT (recording_id) DO NOTHING
         RETURNING id`,
        [claim.deliveryId, claim.clientId, now, written.recordingIds],
      );
      for (const recordingId of written.recordingIds) {
        await this.audit.append(
          { ...this.event(claim, 'recording.deliver', 'success', { deliveryId: claim.deliveryId }), subject: { type: 'recording', id: recordingId } },
          tx,
        );
      }
      await this.audit.append(
        this.event(claim, 'delivery.download', 'success', {
          bytes,
          recordings: written.recordingIds.length,
          messages: written.messages,
          omitted: written.omitted.length,
        }),
        tx,
      );
      return outbox.map((row) => row.id);
    });
    if (!outboxIds) {
      this.logger.warn(`delivery ${claim.deliveryId} sent completely after its claim was lost; not consumed by this download`);
      return;
    }
    await this.deletions.enqueue(outboxIds);
  }

  private event(claim: DeliveryClaim, action: string, outcome: 'success' | 'failure', details: AuditDetails) {
    return {
      actor: { id: null, role: 'anonymous' as const },
      clientId: claim.clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action,
      subject: { type: 'delivery', id: claim.deliveryId },
      outcome,
      details,
    };
  }
}

interface MessageRow {
  id: string;
  call_id: string;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  caller_number: string | null;
  caller_name: string;
  caller_phone: string;
  caller_email: string | null;
  urgency: string;
  callback_requested: boolean;
  body: string;
  custom_fields: Record<string, string | number | boolean> | null;
}
