import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { RecordIntegrityError } from '#crypto';

/** What ingest measured of a recording's plaintext. */
export interface ExpectedContent {
  size: number | null;
  sha256: string | null;
}

/**
 * Passes bytes through unchanged, counting and hashing them (SHA-256) for the manifest. Given what
 * ingest recorded, it also verifies the content: one hash serves both the manifest and the check,
 * and a mismatch fails the stream (so the archive, and the download, fail) before it ends.
 */
export class Sha256Meter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest?: string;

  constructor(private readonly expected?: ExpectedContent) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected?.size != null && this.bytes > this.expected.size) {
      return callback(new RecordIntegrityError('plaintext is longer than the recording recorded at ingest'));
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    if (this.expected?.size != null && this.bytes !== this.expected.size) {
      return callback(new RecordIntegrityError('plaintext length differs from the recording recorded at ingest'));
    }
    if (this.expected?.sha256 != null && this.digest !== this.expected.sha256) {
      return callback(new RecordIntegrityError('plaintext SHA-256 differs from the recording recorded at ingest'));
    }
    callback();
  }

  /** Hex SHA-256 of everything that passed; only once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('stream not finished');
    return this.digest;
  }
}
