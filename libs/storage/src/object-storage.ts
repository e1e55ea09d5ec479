import type { Readable } from 'node:stream';

export interface PutOptions {
  /** When known, the store can take one streamed request; a source of any other length is rejected. */
  contentLength?: number;
}

export interface ListedObject {
  key: string;
  lastModified: Date;
}

/**
 * Where recordings (already encrypted) live. Also the Nest injection token.
 *
 * Keys are '/'-separated segments; a segment may not be empty or start with '.', so every key means
 * the same on every driver and none can climb out of the local directory.
 */
export abstract class ObjectStorage {
  /**
   * Streams `body` to `key`, replacing any object there. Never holds the whole object in memory. If the
   * source errors, ends early or its length differs from `contentLength`, the promise rejects and no
   * partial data is ever visible under `key`.
   */
  abstract put(key: string, body: Readable, options?: PutOptions): Promise<{ size: number }>;
  /** @throws ObjectNotFoundError */
  abstract get(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  /** Idempotent: a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
  /** @throws ObjectNotFoundError */
  abstract size(key: string): Promise<number>;
  /** Every object whose key starts with `prefix` (a plain string prefix, as in S3), in no promised order. */
  abstract list(prefix: string): AsyncIterable<ListedObject>;
  /** Health check: resolves only when the store answers and is usable. */
  abstract ping(): Promise<void>;
  /** Releases connections; the storage module calls it on shutdown. */
  abstract close(): Promise<void>;
}

/** A missing object is the caller's problem to map (404, orphan row, ...); the key goes to logs only. */
export class ObjectNotFoundError extends Error {
  readonly code = 'object_not_found';
  constructor(readonly key: string) {
    super(`Object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

export class InvalidObjectKeyError extends Error {
  readonly code = 'invalid_object_key';
  constructor(readonly key: string) {
    super(`Invalid object key: ${JSON.stringify(key)}`);
    this.name = 'InvalidObjectKeyError';
  }
}

/** Both drivers validate the same way, so a key that works on local disk works on S3 and vice versa. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const bad = key.includes('\0') || key.includes('\\') || segments.some((s) => s === '' || s.startsWith('.'));
  if (bad) throw new InvalidObjectKeyError(key);
}
