import { createHash, Hash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { RecordIntegrityError } from '#crypto';

/**
 * Reads up to `n` bytes from the start of a paused stream without losing them: resolves with those
 * bytes and a stream that yields the whole content again (the source itself, the head put back with
 * unshift; or, when the source already ended, a stream of just the head). `head` is shorter than `n`
 * only when the content is.
 */
export function readHead(source: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let have = 0;
    let done = false;
    const finish = (error?: Error | null) => {
      if (done) return;
      done = true;
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', finish);
      source.off('close', onClose);
      if (error) return reject(error);
      const all = Buffer.concat(parts, have);
      if (source.readableEnded) return resolve({ head: all, stream: Readable.from(all.length ? [all] : []) });
      if (all.length) source.unshift(all);
      resolve({ head: all.subarray(0, n), stream: source });
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (have < n && (chunk = source.read()) !== null) {
        parts.push(chunk);
        have += chunk.length;
      }
      if (have >= n) finish();
    };
    const onEnd = () => finish();
    const onClose = () => {
      if (!source.readableEnded) finish(Object.assign(new Error('stream closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    if (source.readableEnded) return resolve({ head: Buffer.alloc(0), stream: Readable.from([]) });
    if (source.destroyed) return reject(source.errored ?? new Error('stream already destroyed'));
    source.on('readable', onReadable);
    source.on('end', onEnd);
    source.on('error', finish);
    source.on('close', onClose);
  });
}

/**
 * Passes plaintext through unchanged while counting it and hashing it (SHA-256); fails with
 * `tooLarge()` as soon as more than `maxBytes` have gone by, before forwarding the excess.
 */
export class PlaintextMeter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest?: string;

  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => Error,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return callback(this.tooLarge());
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    callback();
  }

  /** Hex SHA-256 of everything that went through; only after the stream finished. */
  get sha256(): string {
    if (!this.digest) throw new Error('plaintext not finished yet');
    return this.digest;
  }
}

/**
 * The last stage of a decryption: passes plaintext through and, at the end, checks it against the size
 * and SHA-256 recorded at ingest. The record cipher already authenticates every byte; this also catches
 * a valid object of the same client put in the wrong place.
 */
export class PlaintextVerifier extends Transform {
  private bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly expected: { size: number | null; sha256: string | null }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected.size !== null && this.bytes > this.expected.size) {
      return callback(new RecordIntegrityError('plaintext is longer than the recording recorded at ingest'));
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected.size !== null && this.bytes !== this.expected.size) {
      return callback(new RecordIntegrityError('plaintext length differs from the recording recorded at ingest'));
    }
    if (this.expected.sha256 !== null && this.hash.digest('hex') !== this.expected.sha256) {
      return callback(new RecordIntegrityError('plaintext SHA-256 differs from the recording recorded at ingest'));
    }
    callback();
  }
}

/**
 * Gathers small chunks into ones of about `size` bytes. The record cipher emits each 64 KiB record and
 * its 16-byte tag separately; handing the store fewer, larger writes keeps per-write costs (syscalls,
 * HTTP framing, the store's own per-chunk work) off the hot path. Holds at most `size` bytes.
 */
export class Coalesce extends Transform {
  private parts: Buffer[] = [];
  private length = 0;

  constructor(private readonly size: number) {
    super({ readableHighWaterMark: size, writableHighWaterMark: size });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length >= this.size) this.emitParts();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.length) this.emitParts();
    callback();
  }

  private emitParts(): void {
    const out = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    this.push(out);
  }
}
