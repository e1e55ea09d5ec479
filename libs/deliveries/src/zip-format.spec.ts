import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { createZip } from './zip-format';

async function zipOf(entries: { name: string; data: Buffer; asStream: boolean }[], forceZip64 = false): Promise<Buffer> {
  const zip = createZip({ forceZip64 });
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  zip.pipe(out);
  for (const e of entries) {
    const chunks = [];
    for (let i = 0; i < e.data.length; i += 10_000) chunks.push(e.data.subarray(i, i + 10_000));
    zip.append(e.asStream ? Readable.from(chunks) : e.data, { name: e.name });
  }
  await zip.finalize();
  await ended;
  return Buffer.concat(parts);
}

function read(buffer: Buffer): Promise<{ name: string; crc32: number; size: number; method: number; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const found: { name: string; crc32: number; size: number; method: number; data: Buffer }[] = [];
      file.on('end', () => resolve(found));
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            found.push({ name: entry.fileName, crc32: entry.crc32, size: entry.uncompressedSize, method: entry.compressionMethod, data: Buffer.concat(parts) });
            file.readEntry();
          });
        }),
      );
      file.readEntry();
    });
  });
}

describe('the delivery ZIP format (archiver, native CRC-32)', () => {
  it.each([false, true])('stores streamed and buffered entries with correct CRC-32 and sizes (forceZip64 %s)', async (forceZip64) => {
    const entries = [
      { name: 'recordings/a.wav', data: randomBytes(300_001), asStream: true },
      { name: 'recordings/empty.wav', data: Buffer.alloc(0), asStream: true },
      { name: 'messages.json', data: Buffer.from('{"messages":[]}'), asStream: true },
      { name: 'manifest.json', data: Buffer.from('{}\n'), asStream: false },
    ];
    const found = await read(await zipOf(entries, forceZip64));
    expect(found.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    for (const [i, f] of found.entries()) {
      expect(f.method).toBe(0); // stored
      expect(f.size).toBe(entries[i].data.length);
      expect(f.data.equals(entries[i].data)).toBe(true);
      expect(f.crc32).toBe(crc32(entries[i].data) >>> 0);
    }
  });
});
