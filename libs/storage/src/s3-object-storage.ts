import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LengthGuard } from './length-guard';
import { assertValidKey, ListedObject, ObjectNotFoundError, ObjectStorage, PutOptions } from './object-storage';

export interface S3StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** S3's limit for one PutObject; above it only multipart works. */
const SINGLE_PUT_MAX = 5 * 1024 ** 3;
/** Multipart memory is about partSize × (queueSize + 1) per upload. */
const PART_SIZE = 8 * 1024 ** 2;
const QUEUE_SIZE = 2;
const MAX_PARTS = 10_000;

const log = new Logger('S3ObjectStorage');

const isNotFound = (error: unknown) => ['NoSuchKey', 'NotFound'].includes((error as Error).name);

/** Any S3-compatible store (AWS, MinIO, s3rver, ...). */
export class S3ObjectStorage extends ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    super();
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      forcePathStyle: true, // most self-hosted stores have no per-bucket DNS
      // With the SDK's default checksums, streamed bodies are sent aws-chunked; stores that do not
      // decode that framing (s3rver) silently store it inside the object.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // SDK warnings go to the app's log, not console. Its errors (every 404 of exists() included)
      // reach the caller as rejections, so logging them here would only add noise.
      logger: { debug: () => undefined, info: () => undefined, warn: (...m) => log.warn(m.join(' ')), error: () => undefined },
    });
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<{ size: number }> {
    const { contentLength } = options;
    const guard = new LengthGuard(contentLength);
    // The SDK pipes the body into the request and does not watch it for errors: without this abort
    // a failing source would leave the request hanging instead of cutting it short.
    const sourceFailed = new AbortController();
    let sourceError: unknown;
    pipeline(body, guard).catch((error) => {
      sourceError ??= error;
      sourceFailed.abort(error);
    });
    try {
      assertValidKey(key);
      if (contentLength !== undefined && contentLength <= SINGLE_PUT_MAX) {
        // One streamed request: fastest, and S3 never stores a body that did not arrive complete.
        await this.client.send(
          new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: guard, ContentLength: contentLength }),
          { abortSignal: sourceFailed.signal },
        );
      } else {
        // Unknown or huge length: multipart with bounded memory. On any failure lib-storage sends
        // AbortMultipartUpload (leavePartsOnError: false), so no parts stay behind to be billed.
        await new Upload({
          client: this.client,
          params: { Bucket: this.bucket, Key: key, Body: guard, ContentLength: contentLength },
          partSize: Math.max(PART_SIZE, Math.ceil((contentLength ?? 0) / MAX_PARTS)),
          queueSize: QUEUE_SIZE,
          leavePartsOnError: false,
        }).done();
      }
      return { size: guard.bytes };
    } catch (error) {
      const cause = sourceError;
      guard.destroy(); // we gave up: release the source too (pipeline destroys it)
      if (cause === undefined) throw error;
      // The source failed first and the caller wants that cause, not the SDK's AbortError. A failed
      // AbortMultipartUpload is the one consequence worth keeping: its parts are still stored.
      if (error !== cause && (error as Error).name !== 'AbortError') {
        log.warn(`Clean-up after the failed upload of ${key} failed, parts may remain: ${(error as Error).message}`);
      }
      throw cause;
    }
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return response.Body as Readable;
    } catch (error) {
      throw isNotFound(error) ? new ObjectNotFoundError(key) : error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async size(key: string): Promise<number> {
    const length = await this.head(key);
    if (length === undefined) throw new ObjectNotFoundError(key);
    return length;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) yield { key: object.Key!, lastModified: object.LastModified! };
    }
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  /** The object's length, or undefined when there is none. */
  private async head(key: string): Promise<number | undefined> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return response.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
