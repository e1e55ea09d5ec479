import { Injectable, Logger } from '@nestjs/common';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import { EntityManager } from 'typeorm';
import { createDecryptStream, createEncryptStream, encryptedLength, KeyStore, MAX_HEADER_BYTES, readHeader, RecordIntegrityError } from '#crypto';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { ObjectStorage } from '#storage';
import type { RecordingStatus } from './recording.entity';
import { RecordingsRepository } from './recordings.repository';
import { PlaintextMeter, PlaintextVerifier, readHead } from './streams';

/** Where a recording's ciphertext lives and which data key opens it: what a deletion needs. */
export interface RecordingLocation {
  recordingId: string;
  clientId: string;
  status: RecordingStatus;
  storageKey: string;
  /** Null once the key has been destroyed (crypto-shredded). */
  dataKeyId: string | null;
  size: number | null;
  sha256: string | null;
  contentType: string;
}

export interface SealResult {
  /** Plaintext bytes and their SHA-256 (hex), measured while streaming. */
  size: number;
  sha256: string;
  /** Bytes of the stored (encrypted) object. */
  storedBytes: number;
}

export const RECORDINGS_PREFIX = 'recordings/';
/** Writes to the store of about this size (sealed records gathered by the cipher, one copy); with the stages' buffers, ingest holds a few MiB per upload. */
const STORE_WRITE_BYTES = 512 * 1024;

/** Every recording's object key: recordings/<clientId>/<recordingId>. */
export const recordingStorageKey = (clientId: string, recordingId: string) => `${RECORDINGS_PREFIX}${clientId}/${recordingId}`;

/** The client and recording a storage key names, or null for a key this library did not write. */
export function parseRecordingStorageKey(key: string): { clientId: string; recordingId: string } | null {
  const match = /^recordings\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/.exec(key);
  return match ? { clientId: match[1], recordingId: match[2] } : null;
}

/**
 * Recordings at rest: envelope-encrypted objects (one data key per recording, AES-256-GCM in 64 KiB
 * records, see #crypto's record cipher) in object storage. Plaintext only ever exists as a stream
 * passing through: never on disk, never whole in memory.
 *
 * Not audited here: callers (ingest, delivery, deletion) audit the access they make.
 */
@Injectable()
export class RecordingVault {
  private readonly logger = new Logger(RecordingVault.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly storage: ObjectStorage,
    private readonly keys: KeyStore,
    private readonly recordings: RecordingsRepository,
  ) {}

  /**
   * Encrypts `plaintext` under `dataKey` while streaming it to `storageKey`, counting and hashing the
   * plaintext on the way. With `plainLength` the store gets the exact encrypted length up front (one
   * streamed PutObject on S3). On any failure the object is deleted (the caller destroys the key) and
   * the error from the plaintext side wins (too large, aborted upload) over the store's.
   * `plaintext` is read but never destroyed: it may be an HTTP request that still needs its response.
   */
  async seal(
    storageKey: string,
    dataKey: { id: string; key: Buffer },
    plaintext: Readable,
    options: { plainLength?: number; maxBytes?: number; tooLarge?: () => Error } = {},
  ): Promise<SealResult> {
    const meter = new PlaintextMeter(options.maxBytes ?? Number.MAX_SAFE_INTEGER, options.tooLarge ?? (() => new RangeError('plaintext too large')));
    const ciphertext = createEncryptStream(dataKey.key, dataKey.id, { outputBytes: STORE_WRITE_BYTES });
    let sourceError: Error | undefined;
    const onSourceError = (error: Error) => {
      sourceError ??= error;
      meter.destroy(error);
    };
    // Not pipeline(plaintext, ...): that would destroy the source (and an HTTP request's socket) on error.
    const onClose = () => {
      if (!plaintext.readableEnded) onSourceError(Object.assign(new Error('plaintext stream closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    plaintext.on('error', onSourceError);
    plaintext.on('close', onClose);
    plaintext.pipe(meter);
    pipeline(meter, ciphertext, (error) => {
      if (error) sourceError ??= error;
    });
    try {
      const contentLength = options.plainLength === undefined ? undefined : encryptedLength(options.plainLength, dataKey.id);
      const { size: storedBytes } = await this.storage.put(storageKey, ciphertext, { contentLength });
      return { size: meter.bytes, sha256: meter.sha256, storedBytes };
    } catch (error) {
      plaintext.unpipe(meter);
      await new Promise((resolve) => setImmediate(resolve)); // let the source's own error land first
      await this.storage.delete(storageKey).catch((cause) => this.logger.warn({ err: cause, storageKey }, 'could not delete a failed upload; the sweep will'));
      throw sourceError ?? error;
    } finally {
      plaintext.off('error', onSourceError);
      plaintext.off('close', onClose);
    }
  }

  /**
   * Decrypt-and-verify of a client's recording, as a stream of the original audio. Scoped to the
   * client: another client's recording id is not found. Rejects up front when the recording is not
   * stored (receiving, deleted), its key is destroyed, or the object's header names another key; any
   * later tampering (flipped bit, truncation, reordered or foreign records, a different recording)
   * errors the stream with RecordIntegrityError before a single unauthenticated byte is emitted.
   */
  async openPlaintext(clientId: string, recordingId: string): Promise<Readable> {
    const location = await this.locate(clientId, recordingId);
    if (!location || (location.status !== 'stored' && location.status !== 'delivered') || !location.dataKeyId) throw new NotFoundError('Recording');
    return this.openObject(clientId, location.storageKey, location.dataKeyId, { size: location.size, sha256: location.sha256 });
  }

  /** Where the recording lives and under which data key, in the client's scope; null when it has none. */
  async locate(clientId: string, recordingId: string, manager?: EntityManager): Promise<RecordingLocation | null> {
    const row = await this.scope.run(clientId, (tx) => this.recordings.inScope(tx, recordingId), manager);
    if (!row) return null;
    const { id, status, storageKey, dataKeyId, size, sha256, contentType } = row;
    return { recordingId: id, clientId: row.clientId, status, storageKey, dataKeyId, size, sha256, contentType };
  }

  /** Decrypts one stored object sealed under `dataKeyId` (of `clientId`), checking it against `expected` when given. */
  async openObject(clientId: string, storageKey: string, dataKeyId: string, expected?: { size: number | null; sha256: string | null }): Promise<Readable> {
    const object = await this.storage.get(storageKey);
    let key: Buffer;
    let stream: Readable;
    try {
      const head = await readHead(object, MAX_HEADER_BYTES);
      stream = head.stream;
      // The header is authenticated by every record; checking its key id first turns a swapped
      // object (another recording, same client) into an immediate, clear refusal.
      if (readHeader(head.head).keyId !== dataKeyId) throw new RecordIntegrityError('object is sealed under another data key than this recording');
      key = await this.keys.getDataKey(clientId, dataKeyId);
    } catch (error) {
      object.destroy();
      throw error;
    }
    const decrypt = createDecryptStream(async (keyId) => {
      if (keyId !== dataKeyId) throw new RecordIntegrityError('object is sealed under another data key than this recording');
      return key;
    });
    const tail: Transform = expected ? new PlaintextVerifier(expected) : decrypt;
    const done = () => key.fill(0);
    if (expected) pipeline(stream, decrypt, tail, done);
    else pipeline(stream, decrypt, done);
    return tail;
  }
}
