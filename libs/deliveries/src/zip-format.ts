import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * A deterministic streaming ZIP of stored entries whose sizes are known before the first byte: the
 * same entries give the same bytes on every attempt, and `zipLength` gives the archive's exact length
 * up front (the download's Content-Length), so a client or proxy can tell a cut transfer from a whole
 * one. Each entry's CRC-32 is measured while it streams and written in its data descriptor (and the
 * central directory); sizes are in the local header too, for readers that stream. ZIP64 fields are
 * used for an entry only when its size or offset needs them, and for the end records only when the
 * archive needs them; the rule is a function of the sizes alone, so the length stays predictable.
 */
export interface ZipEntrySpec {
  name: string;
  size: number;
  /** Written as a DOS date in UTC (fixed per delivery, so attempts match byte for byte). */
  date: Date;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_CENTRAL = 22;
const ZIP64_END = 56;
const ZIP64_LOCATOR = 20;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** bit 3: CRC in the data descriptor; bit 11: names are UTF-8. */
const FLAGS = 0x0808;

interface Layout {
  name: Buffer;
  size: number;
  offset: number;
  zip64: boolean;
  dosTime: number;
  dosDate: number;
}

function dos(date: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  return {
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const localLength = (l: Pick<Layout, 'name' | 'zip64'>) => LOCAL_HEADER + l.name.length + (l.zip64 ? 20 : 0);
const descriptorLength = (zip64: boolean) => (zip64 ? 24 : 16);
const centralLength = (l: Pick<Layout, 'name' | 'zip64'>) => CENTRAL_HEADER + l.name.length + (l.zip64 ? 28 : 0);

function layout(entries: readonly ZipEntrySpec[]): { entries: Layout[]; centralOffset: number; centralSize: number; zip64End: boolean; length: number } {
  const placed: Layout[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.size) || entry.size < 0) throw new RangeError(`entry ${entry.name} has no valid size`);
    const name = Buffer.from(entry.name, 'utf8');
    const zip64 = entry.size >= MAX32 || offset >= MAX32;
    placed.push({ name, size: entry.size, offset, zip64, ...dos(entry.date) });
    offset += localLength({ name, zip64 }) + entry.size + descriptorLength(zip64);
  }
  const centralSize = placed.reduce((sum, l) => sum + centralLength(l), 0);
  const zip64End = placed.length >= MAX16 || offset >= MAX32 || centralSize >= MAX32 || placed.some((l) => l.zip64);
  return { entries: placed, centralOffset: offset, centralSize, zip64End, length: offset + centralSize + (zip64End ? ZIP64_END + ZIP64_LOCATOR : 0) + END_OF_CENTRAL };
}

/** The exact byte length of the archive `writeZip` produces for these entries. */
export const zipLength = (entries: readonly ZipEntrySpec[]): number => layout(entries).length;

function localHeader(l: Layout): Buffer {
  const b = Buffer.alloc(localLength(l));
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(l.zip64 ? 45 : 20, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(l.dosTime, 10);
  b.writeUInt16LE(l.dosDate, 12);
  b.writeUInt32LE(0, 14); // CRC-32 follows in the data descriptor
  b.writeUInt32LE(l.zip64 ? MAX32 : l.size, 18);
  b.writeUInt32LE(l.zip64 ? MAX32 : l.size, 22);
  b.writeUInt16LE(l.name.length, 26);
  b.writeUInt16LE(l.zip64 ? 20 : 0, 28);
  l.name.copy(b, 30);
  if (l.zip64) {
    const at = 30 + l.name.length;
    b.writeUInt16LE(0x0001, at);
    b.writeUInt16LE(16, at + 2);
    b.writeBigUInt64LE(BigInt(l.size), at + 4);
    b.writeBigUInt64LE(BigInt(l.size), at + 12);
  }
  return b;
}

function descriptor(l: Layout, crc: number): Buffer {
  const b = Buffer.alloc(descriptorLength(l.zip64));
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  if (l.zip64) {
    b.writeBigUInt64LE(BigInt(l.size), 8);
    b.writeBigUInt64LE(BigInt(l.size), 16);
  } else {
    b.writeUInt32LE(l.size, 8);
    b.writeUInt32LE(l.size, 12);
  }
  return b;
}

function centralHeader(l: Layout, crc: number): Buffer {
  const b = Buffer.alloc(centralLength(l));
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(l.zip64 ? 45 : 20, 4); // made by (MS-DOS attributes)
  b.writeUInt16LE(l.zip64 ? 45 : 20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(l.dosTime, 12);
  b.writeUInt16LE(l.dosDate, 14);
  b.writeUInt32LE(crc, 16);
  b.writeUInt32LE(l.zip64 ? MAX32 : l.size, 20);
  b.writeUInt32LE(l.zip64 ? MAX32 : l.size, 24);
  b.writeUInt16LE(l.name.length, 28);
  b.writeUInt16LE(l.zip64 ? 28 : 0, 30);
  // comment length, disk, internal and external attributes: zero
  b.writeUInt32LE(l.zip64 ? MAX32 : l.offset, 42);
  l.name.copy(b, 46);
  if (l.zip64) {
    const at = 46 + l.name.length;
    b.writeUInt16LE(0x0001, at);
    b.writeUInt16LE(24, at + 2);
    b.writeBigUInt64LE(BigInt(l.size), at + 4);
    b.writeBigUInt64LE(BigInt(l.size), at + 12);
    b.writeBigUInt64LE(BigInt(l.offset), at + 20);
  }
  return b;
}

function endRecords(count: number, centralOffset: number, centralSize: number, zip64End: boolean): Buffer {
  const parts: Buffer[] = [];
  if (zip64End) {
    const z = Buffer.alloc(ZIP64_END + ZIP64_LOCATOR);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(BigInt(ZIP64_END - 12), 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    // disk numbers 0
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(centralSize), 40);
    z.writeBigUInt64LE(BigInt(centralOffset), 48);
    z.writeUInt32LE(0x07064b50, 56);
    z.writeUInt32LE(0, 60);
    z.writeBigUInt64LE(BigInt(centralOffset + centralSize), 64);
    z.writeUInt32LE(1, 72);
    parts.push(z);
  }
  const e = Buffer.alloc(END_OF_CENTRAL);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(Math.min(count, MAX16), 8);
  e.writeUInt16LE(Math.min(count, MAX16), 10);
  e.writeUInt32LE(zip64End ? MAX32 : centralSize, 12);
  e.writeUInt32LE(zip64End ? MAX32 : centralOffset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}

/**
 * The archive's bytes, in order, as a stream. `open(i)` gives entry i's content when its turn comes
 * (so one source is open at a time); a source that yields another number of bytes than its declared
 * size fails the archive (a cut transfer, never a wrong whole one). `tap` sees every chunk as it is
 * pushed (the download hashes and counts the archive with it).
 *
 * A Readable driven by its sources' events rather than an async generator: each recording chunk
 * passes with a few calls, no promise per stage, which is most of what the download does per chunk
 * besides the cryptography and the socket.
 */
export function writeZip(entries: readonly ZipEntrySpec[], open: (index: number) => Promise<Readable> | Readable, tap?: (chunk: Buffer) => void): ZipStream {
  return new ZipStream(entries, open, tap);
}

export class ZipStream extends Readable {
  /** Set when the archive failed because of a source (the store, a record or size that does not check), not its reader. */
  sourceFailed = false;
  private readonly plan: ReturnType<typeof layout>;
  private readonly crcs: number[] = [];
  private index = -1;
  private source: Readable | null = null;
  private crc = 0;
  private bytes = 0;

  constructor(
    private readonly entries: readonly ZipEntrySpec[],
    private readonly open: (index: number) => Promise<Readable> | Readable,
    private readonly tap?: (chunk: Buffer) => void,
  ) {
    super({ highWaterMark: 256 * 1024 });
    this.plan = layout(entries);
    void this.nextEntry();
  }

  override _read(): void {
    this.source?.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.release();
    callback(error);
  }

  private emitChunk(chunk: Buffer): boolean {
    this.tap?.(chunk);
    return this.push(chunk);
  }

  private async nextEntry(): Promise<void> {
    const index = ++this.index;
    if (index === this.plan.entries.length) {
      this.emitChunk(Buffer.concat(this.plan.entries.map((l, i) => centralHeader(l, this.crcs[i]))));
      this.emitChunk(endRecords(this.plan.entries.length, this.plan.centralOffset, this.plan.centralSize, this.plan.zip64End));
      this.push(null);
      return;
    }
    this.emitChunk(localHeader(this.plan.entries[index]));
    let source: Readable;
    try {
      source = await this.open(index);
    } catch (error) {
      return this.fail(error as Error);
    }
    if (this.destroyed) {
      source.destroy();
      return;
    }
    this.crc = 0;
    this.bytes = 0;
    this.source = source;
    source.on('data', this.onData);
    source.once('end', this.onEnd);
    source.once('error', this.onError);
    source.once('close', this.onClose);
  }

  private readonly onData = (chunk: Buffer) => {
    const l = this.plan.entries[this.index];
    this.bytes += chunk.length;
    if (this.bytes > l.size) return this.fail(new RangeError(`entry ${this.entries[this.index].name} is longer than declared`));
    this.crc = crc32(chunk, this.crc);
    if (!this.emitChunk(chunk)) this.source!.pause();
  };

  private readonly onEnd = () => {
    const l = this.plan.entries[this.index];
    if (this.bytes !== l.size) return this.fail(new RangeError(`entry ${this.entries[this.index].name} is shorter than declared`));
    this.release();
    this.crcs.push(this.crc >>> 0);
    this.emitChunk(descriptor(l, this.crc >>> 0));
    void this.nextEntry();
  };

  private readonly onError = (error: Error) => this.fail(error);

  private readonly onClose = () => {
    if (this.source && !this.source.readableEnded) this.fail(Object.assign(new Error('entry source closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
  };

  private fail(error: Error): void {
    if (this.destroyed) return;
    this.sourceFailed = true;
    this.destroy(error);
  }

  /** Detaches the current source, closing it when it has not ended. */
  private release(): void {
    const source = this.source;
    if (!source) return;
    this.source = null;
    source.off('data', this.onData);
    source.off('end', this.onEnd);
    source.off('error', this.onError);
    source.off('close', this.onClose);
    source.on('error', () => undefined); // a late error of a source let go must not go unhandled
    if (!source.destroyed) source.destroy();
  }
}
