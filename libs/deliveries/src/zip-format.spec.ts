import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { writeZip, zipLength } from './zip-format';

const date = new Date('2026-11-22T10:31:05Z');

async function zipOf(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const specs = entries.map((e) => ({ name: e.name, size: e.data.length, date }));
  const chunked = (data: Buffer) => {
    const chunks = [];
    for (let i = 0; i < data.length; i += 10_000) chunks.push(data.subarray(i, i + 10_000));
    return Readable.from(chunks);
  };
  for await (const chunk of writeZip(specs, (i) => chunked(entries[i].data))) parts.push(chunk);
  return Buffer.concat(parts);
}

function read(buffer: Buffer): Promise<{ name: string; crc32: number; size: number; method: number; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, file) => {
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

describe('the delivery ZIP (stored entries, known sizes, deterministic)', () => {
  const entries = [
    { name: 'recordings/a.wav', data: randomBytes(300_001) },
    { name: 'recordings/empty.wav', data: Buffer.alloc(0) },
    { name: 'messages.json', data: Buffer.from('{"messages":["ünïcode"]}') },
    { name: 'manifest.json', data: Buffer.from('{}\n') },
  ];

  it('stores every entry with correct CRC-32 and sizes, and is exactly zipLength bytes', async () => {
    const zip = await zipOf(entries);
    expect(zip.length).toBe(zipLength(entries.map((e) => ({ name: e.name, size: e.data.length, date }))));
    const found = await read(zip);
    expect(found.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    for (const [i, f] of found.entries()) {
      expect(f.method).toBe(0); // stored
      expect(f.size).toBe(entries[i].data.length);
      expect(f.data.equals(entries[i].data)).toBe(true);
      expect(f.crc32).toBe(crc32(entries[i].data) >>> 0);
    }
  });

  it('gives the same bytes for the same entries, whatever the chunking', async () => {
    const first = await zipOf(entries);
    const parts: Buffer[] = [];
    for await (const chunk of writeZip(entries.map((e) => ({ name: e.name, size: e.data.length, date })), (i) => Readable.from([entries[i].data]))) parts.push(chunk);
    expect(Buffer.concat(parts).equals(first)).toBe(true);
  });

  it('fails (never ends cleanly) when a source is shorter or longer than declared', async () => {
    const specs = [{ name: 'a', size: 10, date }];
    const drain = async (data: Buffer) => {
      for await (const _ of writeZip(specs, () => Readable.from([data]))) void _;
    };
    await expect(drain(Buffer.alloc(9))).rejects.toThrow(/shorter/);
    await expect(drain(Buffer.alloc(11))).rejects.toThrow(/longer/);
  });

  it('predicts ZIP64 layouts (entries past 4 GiB) without writing them', () => {
    const small = zipLength([{ name: 'a', size: 10, date }]);
    expect(small).toBe(30 + 1 + 10 + 16 + 46 + 1 + 22);
    const big = zipLength([{ name: 'a', size: 2 ** 32, date }, { name: 'b', size: 1, date }]);
    // a: zip64 local (+20) and descriptor (24); b starts past 4 GiB so it is zip64 too; zip64 end records.
    expect(big).toBe(30 + 1 + 20 + 2 ** 32 + 24 + (30 + 1 + 20 + 1 + 24) + 2 * (46 + 1 + 28) + 56 + 20 + 22);
  });
});
