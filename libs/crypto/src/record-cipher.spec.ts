import { createHash, randomBytes } from 'node:crypto';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createDecryptStream,
  createEncryptStream,
  encryptedLength,
  MAX_KEY_ID_BYTES,
  plaintextLength,
  readHeader,
  RECORD_SIZE,
  RecordIntegrityError,
} from './record-cipher';

const KEY_ID = '3f1c2a9e-8d47-4b61-a0c5-2e9f7b1d6a04';
const R = RECORD_SIZE;
const TAG = 16;

function chunked(data: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    })(),
  );
}

async function collect(source: Readable, transform: Transform): Promise<{ out: Buffer; error?: Error }> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  try {
    await pipeline(source, transform, sink);
    return { out: Buffer.concat(parts) };
  } catch (error) {
    return { out: Buffer.concat(parts), error: error as Error };
  }
}

async function encrypt(key: Buffer, plain: Buffer, chunk = 10_000, keyId = KEY_ID): Promise<Buffer> {
  const { out, error } = await collect(chunked(plain, chunk), createEncryptStream(key, keyId));
  if (error) throw error;
  return out;
}

function decrypt(cipher: Buffer, key: Buffer, chunk = 65_000) {
  return collect(chunked(cipher, chunk), createDecryptStream(async () => key));
}

/** Byte offset of record i in an object with the default key id. */
const recordAt = (header: number, i: number) => header + i * (R + TAG);

describe('record cipher', () => {
  const key = randomBytes(32);

  it.each([0, 1, 65535, 65536, 65537, 3 * R + 17])('round-trips %i bytes', async (size) => {
    const plain = randomBytes(size);
    const cipher = await encrypt(key, plain);
    expect(cipher.length).toBe(encryptedLength(size, KEY_ID));
    const { out, error } = await decrypt(cipher, key);
    expect(error).toBeUndefined();
    expect(out.equals(plain)).toBe(true);
  });

  it('round-trips whatever the chunking on either side', async () => {
    const plain = randomBytes(2 * R + 5);
    for (const [inChunk, outChunk] of [[1, 3 * R], [R, 1], [R + 1, 7777], [5 * R, R + TAG]]) {
      const cipher = await encrypt(key, plain, inChunk);
      const { out, error } = await decrypt(cipher, key, outChunk);
      expect(error).toBeUndefined();
      expect(out.equals(plain)).toBe(true);
    }
  });

  it('streams 100 MiB through with bounded buffering', async () => {
    const total = 100 * 1024 * 1024;
    const inHash = createHash('sha256');
    const outHash = createHash('sha256');
    const source = Readable.from(
      (function* () {
        for (let sent = 0; sent < total; ) {
          const chunk = randomBytes(Math.min(R + 4099, total - sent)); // odd size: records straddle chunks
          inHash.update(chunk);
          sent += chunk.length;
          yield chunk;
        }
      })(),
    );
    let cipherBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        cipherBytes += chunk.length;
        cb(null, chunk);
      },
    });
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        outHash.update(chunk);
        cb();
      },
    });
    await pipeline(source, createEncryptStream(key, KEY_ID), counter, createDecryptStream(async () => key), sink);
    expect(cipherBytes).toBe(encryptedLength(total, KEY_ID));
    expect(outHash.digest('hex')).toBe(inHash.digest('hex'));
  });

  it('lets go of each input chunk once its bytes are consumed, while the stream is still running', async () => {
    // Reads of the store's size: records (64 KiB + tag) straddle them, so the queue is never empty.
    const cipher = await encrypt(key, randomBytes(40 * R));
    const decrypt = createDecryptStream(async () => key);
    decrypt.resume();
    const written: WeakRef<ArrayBuffer>[] = [];
    for (let at = 0; at < cipher.length; at += 65_536) {
      const chunk = Buffer.from(cipher.subarray(at, at + 65_536)); // a memory block of its own, like a socket read
      written.push(new WeakRef(chunk.buffer));
      await new Promise<void>((resolve, reject) => decrypt.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    await new Promise((resolve) => setImmediate(resolve));
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    // Only the last record's bytes may still be held (it is not known to be the final one before the
    // end): they span the last two chunks.
    expect(written.slice(0, -2).flatMap((ref, i) => (ref.deref() !== undefined ? [i] : []))).toEqual([]);
    decrypt.end();
    await new Promise((resolve) => decrypt.once('end', resolve));
  });

  it('does not leak plaintext into the ciphertext', async () => {
    const plain = Buffer.from('Caller Jane Doe, 07700 900123, please call back. '.repeat(5000));
    const cipher = await encrypt(key, plain);
    expect(cipher.includes(plain.subarray(0, 24))).toBe(false);
    expect(cipher.includes(Buffer.from('07700 900123'))).toBe(false);
  });

  it('encryptedLength is exact and plaintextLength inverts it', async () => {
    const sizes = [0, 1, 2, 15, 16, 17, R - 1, R, R + 1, 2 * R - 1, 2 * R, 2 * R + 1, 5 * R + 12345];
    for (const keyId of ['k', KEY_ID, 'x'.repeat(MAX_KEY_ID_BYTES)]) {
      for (const size of sizes) {
        const cipher = await encrypt(key, Buffer.alloc(size, 7), 30_000, keyId);
        expect(encryptedLength(size, keyId)).toBe(cipher.length);
        expect(plaintextLength(cipher.length, keyId)).toBe(size);
      }
    }
    expect(() => encryptedLength(-1, KEY_ID)).toThrow(RangeError);
    expect(() => plaintextLength(encryptedLength(0, KEY_ID) - 1, KEY_ID)).toThrow(RangeError);
  });

  it('writes the documented header and readHeader reads it', async () => {
    const cipher = await encrypt(key, Buffer.from('hello'));
    const header = readHeader(cipher);
    expect(cipher.subarray(0, 4).toString('latin1')).toBe('CVRC');
    expect(header).toMatchObject({ version: 1, algorithm: 1, recordSize: R, keyId: KEY_ID, length: 50 + KEY_ID.length });
    expect(header.salt).toHaveLength(32);
    expect(header.noncePrefix).toHaveLength(7);
    expect(() => readHeader(cipher.subarray(0, 60))).toThrow('truncated: header incomplete');
    expect(() => readHeader(Buffer.from('RIFF....WAVE'))).toThrow(RecordIntegrityError);
  });

  it('refuses key ids that do not fit the header, and bad keys', () => {
    expect(() => createEncryptStream(key, '')).toThrow(RangeError);
    expect(() => createEncryptStream(key, 'é'.repeat(128))).toThrow(RangeError);
    expect(() => createEncryptStream(randomBytes(16), KEY_ID)).toThrow(RangeError);
  });

  it('asks resolveKey for the key id in the header, and passes its errors through', async () => {
    const cipher = await encrypt(key, Buffer.from('x'));
    const seen: string[] = [];
    await collect(chunked(cipher, 3), createDecryptStream(async (id) => (seen.push(id), key)));
    expect(seen).toEqual([KEY_ID]);
    const gone = new Error('shredded');
    const { error } = await collect(chunked(cipher, 100), createDecryptStream(async () => Promise.reject(gone)));
    expect(error).toBe(gone);
  });

  describe('tampering', () => {
    const plain = randomBytes(3 * R + 1000); // records 0-2 full, record 3 final and short
    let cipher: Buffer;
    let headerLength: number;

    beforeAll(async () => {
      cipher = await encrypt(key, plain);
      headerLength = readHeader(cipher).length;
    });

    /** The stream fails with the message, and emitted only the intact leading records. */
    async function expectFailure(tampered: Buffer, message: string | RegExp, goodRecords: number, withKey = key) {
      for (const chunk of [1000, R + TAG, tampered.length || 1]) {
        const { out, error } = await decrypt(tampered, withKey, chunk);
        expect(error).toBeInstanceOf(RecordIntegrityError);
        expect(error!.message).toMatch(message);
        expect(out.equals(plain.subarray(0, goodRecords * R))).toBe(true);
      }
    }

    it('a flipped bit in a record', async () => {
      for (const record of [0, 2, 3]) {
        const t = Buffer.from(cipher);
        t[recordAt(headerLength, record) + 100] ^= 0x10;
        await expectFailure(t, `record ${record} failed authentication`, record);
      }
    });

    it('a flipped bit in a tag', async () => {
      const t = Buffer.from(cipher);
      t[recordAt(headerLength, 1) - 1] ^= 0x01; // last tag byte of record 0
      await expectFailure(t, 'record 0 failed authentication', 0);
    });

    it('any flipped bit in the header', async () => {
      const small = await encrypt(key, Buffer.from('short message'));
      const length = readHeader(small).length;
      for (let bit = 0; bit < length * 8; bit++) {
        const t = Buffer.from(small);
        t[bit >> 3] ^= 1 << (bit & 7);
        const { out, error } = await collect(chunked(t, 4096), createDecryptStream(async () => key));
        expect(error).toBeInstanceOf(RecordIntegrityError);
        expect(out).toHaveLength(0);
      }
    });

    it('explains the header errors it can name', async () => {
      const t = Buffer.from(cipher);
      t[4] = 2;
      await expectFailure(t, 'unsupported format version 2', 0);
      const m = Buffer.from(cipher);
      m[0] = 0x52;
      await expectFailure(m, /bad magic/, 0);
    });

    it('a dropped final record', async () => {
      await expectFailure(cipher.subarray(0, recordAt(headerLength, 3)), 'truncated: final record missing', 2);
    });

    it('a cut in the middle of a record, of its tag, or of the header', async () => {
      await expectFailure(cipher.subarray(0, recordAt(headerLength, 1) + 5000), 'record 1 failed authentication', 1);
      await expectFailure(cipher.subarray(0, recordAt(headerLength, 2) + 7), /truncated: record 2 is shorter than its tag/, 2);
      await expectFailure(cipher.subarray(0, headerLength), 'truncated: final record missing', 0);
      await expectFailure(cipher.subarray(0, headerLength - 1), 'truncated: header incomplete', 0);
      await expectFailure(Buffer.alloc(0), 'truncated: header incomplete', 0);
    });

    it('data appended after the final record', async () => {
      const exact = randomBytes(2 * R); // final record is full-size
      const c = await encrypt(key, exact);
      for (const extra of [Buffer.from([0]), randomBytes(R + 100)]) {
        const { out, error } = await decrypt(Buffer.concat([c, extra]), key);
        expect(error).toBeInstanceOf(RecordIntegrityError);
        expect(error!.message).toBe('trailing data after final record');
        expect(out.equals(exact.subarray(0, R))).toBe(true);
      }
      const { error } = await decrypt(Buffer.concat([cipher, Buffer.from([1, 2, 3])]), key);
      expect(error).toBeInstanceOf(RecordIntegrityError);
    });

    it('two records swapped', async () => {
      const a = recordAt(headerLength, 0);
      const b = recordAt(headerLength, 1);
      const t = Buffer.concat([cipher.subarray(0, a), cipher.subarray(b, b + R + TAG), cipher.subarray(a, b), cipher.subarray(b + R + TAG)]);
      expect(t.length).toBe(cipher.length);
      await expectFailure(t, 'record 0 failed authentication', 0);
    });

    it('a record spliced in from another object, under the same key or another key', async () => {
      for (const otherKey of [key, randomBytes(32)]) {
        const other = await encrypt(otherKey, plain); // same plaintext, same key id
        const at = recordAt(headerLength, 1);
        const t = Buffer.concat([cipher.subarray(0, at), other.subarray(at, at + R + TAG), cipher.subarray(at + R + TAG)]);
        await expectFailure(t, 'record 1 failed authentication', 1);
      }
    });

    it('the wrong key', async () => {
      await expectFailure(cipher, 'record 0 failed authentication', 0, randomBytes(32));
    });
  });
});
