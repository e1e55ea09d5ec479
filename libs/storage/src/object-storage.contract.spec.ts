import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { startS3Endpoint } from '../../../test/support/s3-endpoint';
import { InvalidObjectKeyError, LocalObjectStorage, ObjectNotFoundError, ObjectStorage, S3ObjectStorage } from './index';

/** What each driver's test bed offers beyond the ObjectStorage API. */
interface Harness {
  storage: ObjectStorage;
  /** What a failed put must not leave: temp files (local) or unfinished multipart uploads (S3). */
  leftovers(): Promise<string[]>;
  /** Leaves an upload in flight under `key`, as a crash would; returns its clean-up. */
  interruptUpload(key: string): Promise<() => Promise<void>>;
  /** The same driver pointed at a store that does not answer. */
  unreachable(): Promise<ObjectStorage>;
  close(): Promise<void>;
}

async function localHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'callvault-storage-'));
  const root = join(dir, 'objects'); // not there yet: the driver must create it
  const storage = new LocalObjectStorage(root);
  return {
    storage,
    leftovers: async () => (await readdir(root, { recursive: true })).filter((path) => basename(path).startsWith('.')),
    async interruptUpload(key) {
      const temp = join(root, key, '..', '.interrupted.tmp');
      await mkdir(join(temp, '..'), { recursive: true });
      await writeFile(temp, 'partial');
      return () => rm(temp);
    },
    async unreachable() {
      const gone = new LocalObjectStorage(join(dir, 'gone'));
      await rm(join(dir, 'gone'), { recursive: true });
      return gone;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3Harness(): Promise<Harness> {
  const s3 = await startS3Endpoint();
  const { bucket } = s3.config;
  const storage = new S3ObjectStorage(s3.config);
  const admin = new S3Client({
    endpoint: s3.endpoint,
    region: s3.config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.config.accessKeyId, secretAccessKey: s3.config.secretAccessKey },
  });
  return {
    storage,
    async leftovers() {
      const { Uploads = [] } = await admin.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      return Uploads.map((upload) => `${upload.Key} ${upload.UploadId}`);
    },
    async interruptUpload(key) {
      const { UploadId } = await admin.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
      return async () => void (await admin.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })));
    },
    unreachable: async () => new S3ObjectStorage({ ...s3.config, endpoint: `http://127.0.0.1:${await closedPort()}` }),
    async close() {
      await storage.close();
      admin.destroy();
      await s3.stop();
    },
  };
}

const MiB = 1024 ** 2;

/** Random bytes in 64 KiB chunks, hashed as they go out; optionally fails after `failure.at` bytes. */
function randomSource(total: number, failure?: { at: number; error?: Error }) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failure && sent >= failure.at) return void this.destroy(failure.error);
      if (sent >= total) return void this.push(null);
      const chunk = randomBytes(Math.min(64 * 1024, total - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

const fromText = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each([
  ['local', localHarness],
  ['s3', s3Harness],
])('ObjectStorage contract: %s driver', (_driver, start) => {
  let harness: Harness;
  let storage: ObjectStorage;

  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });
  afterAll(() => harness?.close());

  it('round-trips a streamed object under a nested key', async () => {
    expect(await storage.put('calls/c1/r1', fromText('hello ', 'recording'))).toEqual({ size: 15 });
    expect(await text(await storage.get('calls/c1/r1'))).toBe('hello recording');
    expect(await storage.exists('calls/c1/r1')).toBe(true);
    expect(await storage.size('calls/c1/r1')).toBe(15);
  });

  it('replaces an existing object', async () => {
    await storage.put('replace/me', fromText('first version'));
    await storage.put('replace/me', fromText('v2'), { contentLength: 2 });
    expect(await text(await storage.get('replace/me'))).toBe('v2');
    expect(await storage.size('replace/me')).toBe(2);
  });

  it.each([
    ['known', 0],
    ['unknown', undefined],
  ])('stores a 0-byte object (%s length)', async (label, contentLength) => {
    const key = `empty/${label}`;
    expect(await storage.put(key, Readable.from([]), { contentLength })).toEqual({ size: 0 });
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.size(key)).toBe(0);
    expect(await text(await storage.get(key))).toBe('');
  });

  // The SHA-256 comparison is what catches aws-chunked framing stored inside the object.
  it.each([
    ['known length (one streamed PutObject on S3)', true],
    ['unknown length (multipart on S3)', false],
  ])('streams 50 MiB intact with %s', async (_label, known) => {
    const total = 50 * MiB;
    const source = randomSource(total);
    const key = `big/${known ? 'known' : 'unknown'}`;
    expect(await storage.put(key, source.stream, known ? { contentLength: total } : {})).toEqual({ size: total });
    expect(await storage.size(key)).toBe(total);
    expect(await sha256(await storage.get(key))).toBe(source.sha256());
    await storage.delete(key);
  });

  const failures = [
    { label: 'errors midway, known length', total: 10 * MiB, at: 4 * MiB, error: new Error('caller hung up'), known: true },
    { label: 'errors after two parts, unknown length', total: 30 * MiB, at: 20 * MiB, error: new Error('caller hung up'), known: false },
    { label: 'is destroyed midway, known length', total: 10 * MiB, at: 4 * MiB, error: undefined, known: true },
    { label: 'is destroyed after two parts, unknown length', total: 30 * MiB, at: 20 * MiB, error: undefined, known: false },
  ];
  it.each(failures)('leaves nothing behind when the source $label', async ({ label, total, at, error, known }) => {
    const key = `failed/${label.replace(/\W+/g, '-')}`;
    const put = storage.put(key, randomSource(total, { at, error }).stream, known ? { contentLength: total } : {});
    await (error ? expect(put).rejects.toBe(error) : expect(put).rejects.toThrow(/premature close/i));
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await collect(storage.list('failed/'))).toEqual([]);
    expect(await harness.leftovers()).toEqual([]);
  });

  it('rejects a source whose length differs from contentLength, storing nothing', async () => {
    await expect(storage.put('length/short', fromText('12345'), { contentLength: 10 })).rejects.toThrow(/ended after 5 of the declared 10/);
    // All declared bytes, then a pause, then the surplus: the store must not get to commit the first 10.
    const longSource = Readable.from(
      (async function* () {
        yield Buffer.from('0123456789');
        await sleep(200);
        yield Buffer.from('ab');
      })(),
    );
    await expect(storage.put('length/long', longSource, { contentLength: 10 })).rejects.toThrow(/longer than the declared 10/);
    expect(await storage.exists('length/short')).toBe(false);
    expect(await storage.exists('length/long')).toBe(false);
    expect(await harness.leftovers()).toEqual([]);
  });

  it('reports a missing object as ObjectNotFoundError and deletes it idempotently', async () => {
    await expect(storage.get('missing/x')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.size('missing/x')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await storage.exists('missing/x')).toBe(false);
    await expect(storage.delete('missing/x')).resolves.toBeUndefined();
  });

  it('does not mistake a prefix of other keys for an object', async () => {
    await storage.put('tree/branch/leaf', fromText('x'));
    expect(await storage.exists('tree/branch')).toBe(false);
    await expect(storage.get('tree/branch')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.size('tree')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage.delete('tree/branch');
    expect(await storage.exists('tree/branch/leaf')).toBe(true);
  });

  it('deletes an object', async () => {
    await storage.put('doomed/x', fromText('bye'));
    await storage.delete('doomed/x');
    expect(await storage.exists('doomed/x')).toBe(false);
    await expect(storage.get('doomed/x')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('lists by plain string prefix, with modification times', async () => {
    for (const key of ['list/a/1', 'list/a/2', 'list/ab', 'list/b/1', 'listing']) await storage.put(key, fromText(key));
    const listed = await collect(storage.list('list/a'));
    expect(listed.map((object) => object.key).sort()).toEqual(['list/a/1', 'list/a/2', 'list/ab']);
    for (const { lastModified } of listed) expect(Math.abs(lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await collect(storage.list('list/'))).map((object) => object.key).sort()).toEqual(['list/a/1', 'list/a/2', 'list/ab', 'list/b/1']);
    expect(await collect(storage.list('nothing/'))).toEqual([]);
  });

  // Orphan sweeps must see every object, not just S3's first page of 1000.
  it('lists past one page', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `paged/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => storage.put(key, Readable.from([]), { contentLength: 0 })));
    }
    expect((await collect(storage.list('paged/'))).map((object) => object.key).sort()).toEqual(keys);
  });

  it('keeps an interrupted upload out of sight, and the test bed can see it', async () => {
    const cleanUp = await harness.interruptUpload('inflight/x');
    try {
      expect(await harness.leftovers()).toHaveLength(1); // otherwise "no leftovers" above proves nothing
      expect(await storage.exists('inflight/x')).toBe(false);
      expect(await collect(storage.list('inflight'))).toEqual([]);
    } finally {
      await cleanUp();
    }
    expect(await harness.leftovers()).toEqual([]);
  });

  it.each(['../escape', 'a/../../escape', '/etc/passwd', '', 'a//b', 'a/./b', '.hidden', 'a\\b', 'a/'])(
    'rejects the key %j everywhere',
    async (key) => {
      await expect(storage.put(key, fromText('x'))).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.size(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    },
  );

  it('answers ping, and fails it when the store does not answer', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
    const dead = await harness.unreachable();
    try {
      await expect(dead.ping()).rejects.toThrow();
    } finally {
      await dead.close();
    }
  });
});
