import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, KeyObject, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/*
 * Streaming AEAD for recordings (after RFC 8188 and Tink's AES-GCM-HKDF streaming AEAD).
 *
 * Object = header || record_0 || ... || record_n.  Header (big-endian):
 *   0  4  magic "CVRC"          4  1  format version (1)      5  1  algorithm id (1)
 *   6  4  plaintext record size 10 32 HKDF salt               42 7  nonce prefix
 *   49 1  key id length (1-255) 50 n  key id (UTF-8; id of the wrapped data key)
 * Record i = AES-256-GCM(contentKey, nonce_i, aad = header bytes, plaintext_i) || 16-byte tag, where
 *   nonce_i = noncePrefix(7) || i (uint32) || final flag (0x00 / 0x01),
 *   every record but the last holds exactly `record size` plaintext bytes, the last holds 0..record size.
 * Algorithm 1: contentKey = HKDF-SHA256(dataKey, salt, "callvault/record-cipher/v1", 32). Deriving a key per
 * object means a data key reused by mistake never repeats a (key, nonce) pair, and a record spliced from
 * another object under the same data key fails authentication even before the nonce prefix differs.
 */

export const RECORD_SIZE = 64 * 1024;
export const MAX_KEY_ID_BYTES = 255;
const MAGIC = Buffer.from('CVRC', 'latin1');
const FORMAT_VERSION = 1;
const ALG_AES256GCM_HKDF_SHA256 = 1;
const SALT_BYTES = 32;
const PREFIX_BYTES = 7;
const TAG_BYTES = 16;
const FIXED_HEADER_BYTES = 50;
export const MAX_HEADER_BYTES = FIXED_HEADER_BYTES + MAX_KEY_ID_BYTES;
const HKDF_INFO = Buffer.from('callvault/record-cipher/v1');
// Readers accept other record sizes within bounds (the header is authenticated); writers use RECORD_SIZE.
const MIN_RECORD_SIZE = 1024;
const MAX_RECORD_SIZE = 1024 * 1024;
const MAX_RECORDS = 0x1_0000_0000;
const EMPTY = Buffer.alloc(0);

/** The object failed an integrity check; no plaintext of the failing record was emitted. */
export class RecordIntegrityError extends Error {
  override readonly name = 'RecordIntegrityError';
  constructor(message: string, readonly record?: number) {
    super(message);
  }
}

export interface RecordHeader {
  version: number;
  algorithm: number;
  recordSize: number;
  salt: Buffer;
  noncePrefix: Buffer;
  keyId: string;
  /** Header length in bytes; the first record starts here. */
  length: number;
  /** The exact header bytes, authenticated as AAD of every record. */
  bytes: Buffer;
}

function keyIdBytes(keyId: string): Buffer {
  const bytes = Buffer.from(keyId, 'utf8');
  if (bytes.length < 1 || bytes.length > MAX_KEY_ID_BYTES) {
    throw new RangeError(`key id must be 1-${MAX_KEY_ID_BYTES} UTF-8 bytes, got ${bytes.length}`);
  }
  return bytes;
}

function checkDataKey(dataKey: Buffer): void {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== 32) throw new RangeError('data key must be 32 bytes');
}

function contentKey(dataKey: Buffer, salt: Buffer): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', dataKey, salt, HKDF_INFO, 32)));
}

function nonce(prefix: Buffer, seq: number, final: boolean): Buffer {
  const iv = Buffer.allocUnsafe(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(seq, PREFIX_BYTES);
  iv[11] = final ? 1 : 0;
  return iv;
}

/** Parses a header at the start of `buffer`; undefined when more bytes are needed. */
function parseHeader(buffer: Buffer): RecordHeader | undefined {
  if (buffer.length < FIXED_HEADER_BYTES) {
    const n = Math.min(buffer.length, MAGIC.length);
    if (!buffer.subarray(0, n).equals(MAGIC.subarray(0, n))) throw new RecordIntegrityError('not an encrypted recording (bad magic)');
    return undefined;
  }
  if (!buffer.subarray(0, 4).equals(MAGIC)) throw new RecordIntegrityError('not an encrypted recording (bad magic)');
  const version = buffer[4];
  if (version !== FORMAT_VERSION) throw new RecordIntegrityError(`unsupported format version ${version}`);
  const algorithm = buffer[5];
  if (algorithm !== ALG_AES256GCM_HKDF_SHA256) throw new RecordIntegrityError(`unsupported algorithm id ${algorithm}`);
  const recordSize = buffer.readUInt32BE(6);
  if (recordSize < MIN_RECORD_SIZE || recordSize > MAX_RECORD_SIZE) {
    throw new RecordIntegrityError(`unsupported record size ${recordSize}`);
  }
  const idLength = buffer[49];
  if (idLength === 0) throw new RecordIntegrityError('header has an empty key id');
  const length = FIXED_HEADER_BYTES + idLength;
  if (buffer.length < length) return undefined;
  const idBytes = buffer.subarray(FIXED_HEADER_BYTES, length);
  const keyId = idBytes.toString('utf8');
  if (!Buffer.from(keyId, 'utf8').equals(idBytes)) throw new RecordIntegrityError('header key id is not valid UTF-8');
  const bytes = Buffer.from(buffer.subarray(0, length)); // own copy: callers may reuse their buffer
  return {
    version,
    algorithm,
    recordSize,
    salt: bytes.subarray(10, 10 + SALT_BYTES),
    noncePrefix: bytes.subarray(42, 42 + PREFIX_BYTES),
    keyId,
    length,
    bytes,
  };
}

/** Reads the header at the start of an object (e.g. from a ranged GET of MAX_HEADER_BYTES). */
export function readHeader(buffer: Buffer): RecordHeader {
  const header = parseHeader(buffer);
  if (!header) throw new RecordIntegrityError('truncated: header incomplete');
  return header;
}

function headerLength(keyId: string): number {
  return FIXED_HEADER_BYTES + keyIdBytes(keyId).length;
}

/** Exact size of the encrypted object for `plainLength` bytes of plaintext (for Content-Length). */
export function encryptedLength(plainLength: number, keyId: string): number {
  if (!Number.isSafeInteger(plainLength) || plainLength < 0) throw new RangeError('plainLength must be a non-negative integer');
  const records = Math.max(1, Math.ceil(plainLength / RECORD_SIZE));
  return headerLength(keyId) + plainLength + records * TAG_BYTES;
}

/** Inverse of encryptedLength for objects written by this module (RECORD_SIZE records). */
export function plaintextLength(cipherLength: number, keyId: string): number {
  const body = cipherLength - headerLength(keyId);
  const plain = body - Math.ceil(body / (RECORD_SIZE + TAG_BYTES)) * TAG_BYTES;
  if (body < TAG_BYTES || encryptedLength(plain, keyId) !== cipherLength) {
    throw new RangeError(`${cipherLength} is not a valid encrypted length`);
  }
  return plain;
}

class EncryptStream extends Transform {
  private readonly pending = Buffer.allocUnsafe(RECORD_SIZE);
  private filled = 0;
  private seq = 0;
  /** Sealed records (ciphertext and tag pieces) not yet pushed, and their length. */
  private sealed: Buffer[] = [];
  private sealedBytes = 0;

  constructor(
    private readonly key: KeyObject,
    private readonly header: Buffer,
    private readonly prefix: Buffer,
    private readonly outputBytes: number,
  ) {
    super();
    this.sealed.push(header);
    this.sealedBytes = header.length;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let offset = 0;
      while (offset < chunk.length) {
        // A full pending record with more data behind it is, by definition, not the final one.
        if (this.filled === RECORD_SIZE) {
          this.seal(this.pending, false);
          this.filled = 0;
        }
        // Fast path: whole records straight from the caller's chunk, no copy.
        if (this.filled === 0 && chunk.length - offset > RECORD_SIZE) {
          this.seal(chunk.subarray(offset, offset + RECORD_SIZE), false);
          offset += RECORD_SIZE;
          continue;
        }
        const copied = chunk.copy(this.pending, this.filled, offset, offset + RECORD_SIZE - this.filled);
        this.filled += copied;
        offset += copied;
      }
      if (this.sealedBytes >= this.outputBytes) this.emitSealed();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.seal(this.pending.subarray(0, this.filled), true);
      this.emitSealed();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private seal(plaintext: Buffer, final: boolean): void {
    if (this.seq >= MAX_RECORDS) throw new RangeError('object too large for the record counter');
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.seq++, final), { authTagLength: TAG_BYTES });
    cipher.setAAD(this.header);
    const ciphertext = cipher.update(plaintext);
    cipher.final();
    const tag = cipher.getAuthTag();
    if (ciphertext.length) this.sealed.push(ciphertext);
    this.sealed.push(tag);
    this.sealedBytes += ciphertext.length + TAG_BYTES;
  }

  /**
   * Pushes the sealed records as one chunk: the only copy of the ciphertext on its way out. A separate
   * 16-byte tag chunk would become its own socket write and TCP segment downstream, and per-record
   * chunks would make the store's per-chunk work (syscalls, HTTP framing) the hot path.
   */
  private emitSealed(): void {
    if (!this.sealedBytes) return;
    const out = this.sealed.length === 1 ? this.sealed[0] : Buffer.concat(this.sealed, this.sealedBytes);
    this.sealed = [];
    this.sealedBytes = 0;
    this.push(out);
  }
}

/**
 * Encrypts a plaintext stream under a fresh per-object content key. Sealed records leave in chunks of
 * about `outputBytes` (default: one record each); memory stays at about one record plus that.
 */
export function createEncryptStream(dataKey: Buffer, keyId: string, options: { outputBytes?: number } = {}): Transform {
  checkDataKey(dataKey);
  const id = keyIdBytes(keyId);
  const salt = randomBytes(SALT_BYTES);
  const prefix = randomBytes(PREFIX_BYTES);
  const header = Buffer.alloc(FIXED_HEADER_BYTES + id.length);
  MAGIC.copy(header, 0);
  header[4] = FORMAT_VERSION;
  header[5] = ALG_AES256GCM_HKDF_SHA256;
  header.writeUInt32BE(RECORD_SIZE, 6);
  salt.copy(header, 10);
  prefix.copy(header, 42);
  header[49] = id.length;
  id.copy(header, FIXED_HEADER_BYTES);
  return new EncryptStream(contentKey(dataKey, salt), header, prefix, options.outputBytes ?? 1);
}

class DecryptStream extends Transform {
  private readonly chunks: Buffer[] = [];
  private head = 0; // index of the first unconsumed chunk
  private headOffset = 0;
  private queued = 0;
  private header?: RecordHeader;
  private key?: KeyObject;
  private seq = 0;
  /** Where a record spanning several input chunks is gathered (reused: its plaintext is a new buffer). */
  private scratch?: Buffer;

  constructor(private readonly resolveKey: (keyId: string) => Promise<Buffer>) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length === 0) return callback();
    this.chunks.push(chunk);
    this.queued += chunk.length;
    this.process(false).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    this.process(true).then(() => callback(), callback);
  }

  private async process(end: boolean): Promise<void> {
    if (!this.key) {
      const header = parseHeader(this.peek(MAX_HEADER_BYTES));
      if (!header) {
        if (end) throw new RecordIntegrityError('truncated: header incomplete');
        return;
      }
      this.consume(header.length);
      this.header = header;
      this.emit('header', header);
      // The key id is not yet authenticated: resolveKey must scope its lookup to the expected owner.
      const dataKey = await this.resolveKey(header.keyId);
      checkDataKey(dataKey);
      this.key = contentKey(dataKey, header.salt);
    }
    const recordBytes = this.header!.recordSize + TAG_BYTES;
    // Only a record with more bytes behind it is known to be non-final.
    while (this.queued > recordBytes) this.open(this.consume(recordBytes), recordBytes, false);
    if (!end) return;
    if (this.queued === 0) throw new RecordIntegrityError('truncated: final record missing', this.seq);
    if (this.queued < TAG_BYTES) throw new RecordIntegrityError(`truncated: record ${this.seq} is shorter than its tag`, this.seq);
    const length = this.queued;
    this.open(this.consume(length), length, true);
  }

  /** Authenticates one record (given as the queued pieces it spans) and only then emits its plaintext. */
  private open(record: Buffer[], length: number, final: boolean): void {
    const seq = this.seq;
    if (seq >= MAX_RECORDS) throw new RecordIntegrityError('too many records', seq);
    // A record that spans several input chunks is gathered into one reused buffer: one cipher update
    // and one plaintext chunk per record, so every stage downstream (hashes, ZIP, socket writes) sees
    // one chunk per record instead of one per piece, and no new buffer is allocated for the gathering.
    if (record.length > 1) record = [this.gather(record, length)];
    const plaintext = this.tryOpen(record, length, seq, final);
    if (!plaintext) {
      // Tell truncation and appended data apart from plain corruption, for a clearer message.
      if (length === this.header!.recordSize + TAG_BYTES && this.tryOpen(record, length, seq, !final)) {
        throw new RecordIntegrityError(final ? 'truncated: final record missing' : 'trailing data after final record', seq);
      }
      throw new RecordIntegrityError(`record ${seq} failed authentication`, seq);
    }
    this.seq++;
    for (const part of plaintext) if (part.length) this.push(part);
  }

  private gather(pieces: Buffer[], length: number): Buffer {
    if (!this.scratch || this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.header!.recordSize + TAG_BYTES));
    let offset = 0;
    for (const piece of pieces) offset += piece.copy(this.scratch, offset);
    return this.scratch.subarray(0, length);
  }

  private tryOpen(record: Buffer[], length: number, seq: number, final: boolean): Buffer[] | undefined {
    const decipher = createDecipheriv('aes-256-gcm', this.key!, nonce(this.header!.noncePrefix, seq, final), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(this.header!.bytes);
    const plaintext: Buffer[] = [];
    const tag: Buffer[] = [];
    let offset = 0;
    for (const piece of record) {
      const bodyEnd = Math.max(0, Math.min(piece.length, length - TAG_BYTES - offset));
      if (bodyEnd > 0) plaintext.push(decipher.update(piece.subarray(0, bodyEnd)));
      if (bodyEnd < piece.length) tag.push(piece.subarray(bodyEnd));
      offset += piece.length;
    }
    decipher.setAuthTag(tag.length === 1 ? tag[0] : Buffer.concat(tag));
    try {
      decipher.final();
      return plaintext;
    } catch {
      return undefined; // the unverified plaintext is dropped here, never pushed
    }
  }

  /** Up to n queued bytes without consuming them (copies only the few chunks the header spans). */
  private peek(n: number): Buffer {
    const want = Math.min(n, this.queued);
    const parts: Buffer[] = [];
    for (let i = this.head, have = 0; i < this.chunks.length && have < want; i++) {
      const part = i === this.head ? this.chunks[i].subarray(this.headOffset) : this.chunks[i];
      parts.push(part);
      have += part.length;
    }
    return (parts.length === 1 ? parts[0] : Buffer.concat(parts)).subarray(0, want);
  }

  /** Consumes exactly n queued bytes as views of the queued chunks (no copy). */
  private consume(n: number): Buffer[] {
    const pieces: Buffer[] = [];
    while (n > 0) {
      const chunk = this.chunks[this.head];
      const k = Math.min(chunk.length - this.headOffset, n);
      pieces.push(chunk.subarray(this.headOffset, this.headOffset + k));
      this.advance(k);
      n -= k;
    }
    return pieces;
  }

  private advance(n: number): void {
    this.headOffset += n;
    this.queued -= n;
    if (this.headOffset === this.chunks[this.head].length) {
      // Let go of a consumed chunk at once. Records straddle the store's reads, so the queue is rarely
      // empty: kept until the bulk drop below, up to 1024 consumed reads (64 MiB) stayed referenced,
      // outlived young GCs into the old generation and held memory until the next full GC.
      this.chunks[this.head] = EMPTY;
      this.head++;
      this.headOffset = 0;
      // Drop consumed slots in bulk: Array#shift is O(n) on large arrays (tiny chunks would go quadratic).
      if (this.head === this.chunks.length) {
        this.chunks.length = 0;
        this.head = 0;
      } else if (this.head >= 1024) {
        this.chunks.splice(0, this.head);
        this.head = 0;
      }
    }
  }
}

/**
 * Decrypts an object written by createEncryptStream. Emits 'header' (RecordHeader) once parsed, asks
 * resolveKey for the data key named in the header, then emits plaintext record by record. Integrity
 * failures error the stream with RecordIntegrityError; errors from resolveKey pass through unchanged.
 */
export function createDecryptStream(resolveKey: (keyId: string) => Promise<Buffer>): Transform {
  return new DecryptStream(resolveKey);
}
