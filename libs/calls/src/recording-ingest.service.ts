import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { PassThrough, Readable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import type { AuditDetails } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { KeyStore } from '#crypto';
import { TenantScope } from '#database';
import { DomainError, NotFoundError } from '#errors';
import { NotificationsService } from '#notifications';
import { ObjectStorage } from '#storage';
import { UsageLedger } from '#usage';
import { CANONICAL_CONTENT_TYPE, declaredFormat, SNIFF_BYTES, sniffAudio } from './audio-format';
import { CallerDataOwners } from './caller-data-owners';
import { CallsService } from './calls.service';
import { ConflictError, RecordingTooLargeError, UnsupportedAudioError, UploadAbortedError } from './errors';
import { Recording } from './recording.entity';
import { recordingStorageKey, RecordingVault } from './recording-vault';
import { RecordingsRepository } from './recordings.repository';
import { asMissing } from './reader-scope';
import { readHead } from './streams';

export interface RecordingUpload {
  /** The raw audio. Read, never destroyed (an HTTP request must still be able to answer). */
  body: Readable;
  contentType?: string;
  /** The declared length (Content-Length), when there is one. */
  contentLength?: number;
}

export interface IngestedRecording {
  id: string;
  callId: string;
  clientId: string;
  status: 'stored';
  contentType: string;
  size: number;
  sha256: string;
  storedAt: Date;
  retainUntil: Date;
}

const DAY_MS = 86_400_000;

const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';

/**
 * Buffer between the upload's socket and the pipeline: draining the socket promptly while the store is
 * busy keeps the sender's TCP path cheap. Bounded, so memory per upload stays a few MiB.
 */
const INTAKE_BUFFER_BYTES = 1024 * 1024;

/** A body stream of our own, so nothing downstream can destroy the caller's (its socket must live to answer). */
function detach(source: Readable): Readable {
  const body = new PassThrough({ highWaterMark: INTAKE_BUFFER_BYTES });
  source.on('error', (error) => body.destroy(error));
  source.on('close', () => {
    if (!source.readableEnded) body.destroy(Object.assign(new Error('upload ended before its end'), { code: 'ECONNRESET' }));
  });
  source.pipe(body);
  return body;
}

/**
 * `PUT /calls/:id/recording`: the streamed path from an upload to an encrypted object.
 *
 * 1. Refuse early, before reading a byte: declared length over the limit (413), a Content-Type that is
 *    not audio (415), an unknown or foreign call (404), a call that already has a recording (409).
 * 2. Sniff the leading bytes: not WAV/MP3/OGG/M4A, or not what the Content-Type says → 415.
 * 3. Insert the row as `receiving` with a fresh data key (one transaction): a concurrent second upload
 *    now fails on the unique index (409), and a crash leaves a row the sweep can clean up.
 * 4. Stream: size + SHA-256 of the plaintext, encryption, object store. No DB connection is held.
 * 5. Flip the row to `stored` (size, sha256, storedAt, retainUntil) and audit, in one transaction.
 * On any failure after 3: delete the object, destroy the data key, delete the row, audit the failure.
 */
@Injectable()
export class RecordingIngestService {
  private readonly logger = new Logger(RecordingIngestService.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly owners: CallerDataOwners,
    private readonly calls: CallsService,
    private readonly keys: KeyStore,
    private readonly vault: RecordingVault,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly ledger: UsageLedger,
    private readonly notifications: NotificationsService,
    private readonly recordings: RecordingsRepository,
  ) {}

  async ingest(principal: Principal, callId: string, upload: RecordingUpload): Promise<IngestedRecording> {
    const maxBytes = this.config.recordingMaxBytes;
    if (upload.contentLength !== undefined && upload.contentLength > maxBytes) throw new RecordingTooLargeError(maxBytes);
    const declared = declaredFormat(upload.contentType);
    if (!declared) throw new UnsupportedAudioError('Content-Type must be audio/wav, audio/mpeg, audio/ogg, audio/mp4 or application/octet-stream');

    const clientId = await this.owners.ownerOf('call', callId);
    if (!clientId) throw new NotFoundError('Call');
    const now = this.clock.now();
    const { instructions } = await this.scope.run(clientId, async (tx) => {
      const grant = await this.policy
        .authorize(
          principal,
          { action: 'recording.ingest', clientId, data: Recording, purpose: 'service_delivery', content: true, subject: { type: 'call', id: callId } },
          tx,
        )
        .catch(asMissing('Call'));
      await this.calls.ownCallInWindow(principal, clientId, callId, now, 'recording.ingest', tx);
      if (await this.recordings.existsForCall(tx, callId)) throw new ConflictError('This call already has a recording', 'recording_exists');
      return grant;
    });

    const { head, stream: body } = await readHead(detach(upload.body), SNIFF_BYTES).catch((error) => {
      throw this.classify(error, upload.body);
    });
    const format = sniffAudio(head);
    if (!format) throw new UnsupportedAudioError();
    if (declared !== 'any' && declared !== format) throw new UnsupportedAudioError(`Content-Type announces ${declared} but the body is ${format}`);

    const via = principal.kind === 'user' ? ('agent' as const) : ('ingest_key' as const);
    const recordingId = randomUUID();
    const storageKey = recordingStorageKey(clientId, recordingId);
    const dataKey = await this.scope
      .run(clientId, async (tx) => {
        const key = await this.keys.createDataKey(clientId, tx);
        await this.recordings.insertReceiving(tx, {
          id: recordingId,
          clientId,
          callId,
          contentType: CANONICAL_CONTENT_TYPE[format],
          storageKey,
          dataKeyId: key.id,
          uploadedBy: principal.id,
          uploadedVia: via,
          instructionsVersion: instructions.version,
          createdAt: now,
        });
        return key;
      })
      .catch((error) => {
        throw isUniqueViolation(error) ? new ConflictError('This call already has a recording', 'recording_exists') : error;
      });

    try {
      const sealed = await this.vault.seal(storageKey, dataKey, body, {
        plainLength: upload.contentLength,
        maxBytes,
        tooLarge: () => new RecordingTooLargeError(maxBytes),
      });
      const storedAt = this.clock.now();
      const retainUntil = new Date(storedAt.getTime() + instructions.recordingRetentionDays * DAY_MS);
      await this.scope.run(clientId, async (tx) => {
        const stored = await this.recordings.markStored(tx, recordingId, { size: sealed.size, sha256: sealed.sha256, storedAt, retainUntil });
        // Swept as abandoned meanwhile (its key is gone): this upload failed after all.
        if (!stored) throw new Error('recording row was removed while its upload streamed');
        await this.ledger.record(tx, [{ clientId, kind: 'recording_stored', occurredAt: storedAt, sourceId: recordingId }]);
        await this.audit.append(
          this.event(principal, clientId, recordingId, 'success', { callId, size: sealed.size, instructionsVersion: instructions.version, via }),
          tx,
        );
        await this.notifications.recordingStored(tx, { clientId, recordingId, callId });
      });
      return { id: recordingId, callId, clientId, status: 'stored', contentType: CANONICAL_CONTENT_TYPE[format], size: sealed.size, sha256: sealed.sha256, storedAt, retainUntil };
    } catch (error) {
      const failure = this.classify(error, upload.body);
      const reason = failure instanceof DomainError ? failure.code : 'ingest_failed';
      await this.discard(principal, clientId, recordingId, storageKey, dataKey.id, { callId, reason, instructionsVersion: instructions.version });
      throw failure;
    } finally {
      dataKey.key.fill(0);
    }
  }

  /** The client-facing error for a failed stream; unexpected ones pass through (500, cause in the log). */
  private classify(error: unknown, source: Readable): unknown {
    if (error instanceof DomainError) return error;
    const code = (error as { code?: string } | undefined)?.code;
    if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (source as Readable & { aborted?: boolean }).aborted || source.readableAborted) {
      return new UploadAbortedError();
    }
    this.logger.error({ err: error }, 'recording ingest failed');
    return error;
  }

  /** Nothing half-written: object, data key and row go; the failure is audited. Leftovers (store or DB down) are the sweep's. */
  private async discard(principal: Principal, clientId: string, recordingId: string, storageKey: string, dataKeyId: string, details: AuditDetails): Promise<void> {
    try {
      await this.storage.delete(storageKey);
      await this.scope.run(clientId, async (tx) => {
        await this.keys.destroyDataKey(clientId, dataKeyId, tx);
        await this.recordings.deleteAbandoned(tx, recordingId);
        await this.audit.append(this.event(principal, clientId, recordingId, 'failure', details), tx);
      });
    } catch (cleanupError) {
      this.logger.error({ err: cleanupError, recordingId }, 'could not clean up a failed upload; the recordings sweep will');
    }
  }

  private event(principal: Principal, clientId: string, recordingId: string, outcome: 'success' | 'failure', details: AuditDetails) {
    return {
      actor: actorOf(principal),
      clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action: 'recording.ingest',
      subject: { type: 'recording', id: recordingId },
      outcome,
      details,
    };
  }
}
