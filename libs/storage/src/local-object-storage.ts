import { randomBytes } from 'node:crypto';
import { constants, mkdirSync, type Stats } from 'node:fs';
import { access, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LengthGuard } from './length-guard';
import { assertValidKey, ListedObject, ObjectNotFoundError, ObjectStorage, PutOptions } from './object-storage';

/** Errors that mean "no object under this key" (ENOTDIR: a parent segment is itself an object). */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
const isMissing = (error: unknown) => MISSING.has((error as NodeJS.ErrnoException).code ?? '');

/** One directory on local disk; for development and single-node installs. */
export class LocalObjectStorage extends ObjectStorage {
  readonly root: string;

  constructor(directory: string) {
    super();
    this.root = resolve(directory);
    mkdirSync(this.root, { recursive: true });
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<{ size: number }> {
    let temp: string | undefined;
    try {
      const target = this.pathOf(key);
      const dir = dirname(target);
      await mkdir(dir, { recursive: true });
      // Same directory, so rename is atomic; the leading '.' keeps it out of list() and of the key space.
      // Created before streaming starts, so whatever fails later, the unlink below finds it.
      temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
      const file = await open(temp, 'wx', 0o600);
      const guard = new LengthGuard(options.contentLength);
      // The stream owns the handle: flush fsyncs before it closes, so the bytes are on disk before
      // the name points at them. It closes the handle on error too.
      await pipeline(body, guard, file.createWriteStream({ flush: true }));
      await rename(temp, target);
      temp = undefined;
      await syncDirectory(dir); // and the rename itself must survive a crash
      return { size: guard.bytes };
    } catch (error) {
      body.destroy(); // release the producer (e.g. an HTTP upload) if we failed before draining it
      if (temp) await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = await open(this.pathOf(key), 'r').catch((error) => {
      throw isMissing(error) ? new ObjectNotFoundError(key) : error;
    });
    if (!(await file.stat()).isFile()) {
      await file.close();
      throw new ObjectNotFoundError(key);
    }
    return file.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    return (await this.statOf(key)) !== undefined;
  }

  async size(key: string): Promise<number> {
    const stats = await this.statOf(key);
    if (!stats) throw new ObjectNotFoundError(key);
    return stats.size;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error) => {
      if (!isMissing(error)) throw error;
    });
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    // Walk only the directory named by the prefix's complete segments; the partial tail is a filter.
    const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    if (base) assertValidKey(base.slice(0, -1));
    yield* this.walk(base, prefix);
  }

  async ping(): Promise<void> {
    await access(this.root, constants.R_OK | constants.W_OK);
    if (!(await stat(this.root)).isDirectory()) throw new Error(`${this.root} is not a directory`);
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    assertValidKey(key); // no '..', no absolute paths: every key stays under root
    return join(this.root, ...key.split('/'));
  }

  private async statOf(key: string): Promise<Stats | undefined> {
    const stats = await stat(this.pathOf(key)).catch((error) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    return stats?.isFile() ? stats : undefined;
  }

  private async *walk(dirKey: string, prefix: string): AsyncIterable<ListedObject> {
    const entries = await readdir(join(this.root, dirKey), { withFileTypes: true }).catch((error) => {
      if (isMissing(error)) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue; // an upload in flight
      const key = dirKey + entry.name;
      if (entry.isDirectory()) {
        if (`${key}/`.startsWith(prefix)) yield* this.walk(`${key}/`, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const stats = await this.statOf(key); // may have been deleted since readdir
        if (stats) yield { key, lastModified: stats.mtime };
      }
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
