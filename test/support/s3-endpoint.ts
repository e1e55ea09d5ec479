import { IncomingMessage } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished, PassThrough } from 'node:stream';

/** The slice of s3rver 3.7.1 we use; the package ships no types. */
interface S3rverStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  putObject(object: { bucket: string; key: string; content: unknown }): Promise<unknown>;
  deleteObject(bucket: string, key: string): Promise<void>;
}
interface KoaContext {
  req: IncomingMessage;
  get(header: string): string;
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
}
interface ListBucketResult {
  IsTruncated: boolean;
  Contents: { Key: string }[];
  NextContinuationToken?: string;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverServer {
  store: S3rverStore;
  middleware: KoaMiddleware[];
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver: new (options: Record<string, unknown>) => S3rverServer = require('s3rver');
const S3Error: new (code: string, message: string) => Error = require('s3rver/lib/models/error');

export interface S3Endpoint {
  endpoint: string;
  config: {
    driver: 's3';
    endpoint: string;
    region: 'us-east-1';
    bucket: string;
    accessKeyId: 'S3RVER';
    secretAccessKey: 'S3RVER';
  };
  /** The environment that points the app's S3 driver here. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * An S3-compatible endpoint for suites and benchmarks: s3rver in this process, on a free port, over a
 * fresh directory, patched where it departs from S3 (see behaveLikeS3). Call stop() in afterAll, or
 * Jest never exits.
 */
export async function startS3Endpoint(bucket = 'callvault-test'): Promise<S3Endpoint> {
  const directory = await mkdtemp(join(tmpdir(), 'callvault-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  behaveLikeS3(server);
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    config: { driver: 's3', endpoint, region: 'us-east-1', bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    env: { STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_BUCKET: bucket, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver 3.7.1 differs from S3 exactly where upload clean-up is tested, so a test against it would
 * either fail for a correct client or pass for a broken one:
 * - a PutObject whose connection drops midway is kept, truncated (S3 stores nothing);
 * - AbortMultipartUpload answers 405 and keeps the parts; ListMultipartUploads answers 501;
 * - ListObjectsV2 fails past 1000 keys: its continuation tokens use DES, which OpenSSL 3 refuses.
 */
function behaveLikeS3(server: S3rverServer): void {
  const { store } = server;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    const request = object.content;
    if (!(request instanceof IncomingMessage)) return putObject(object); // multipart completion
    // s3rver never settles a store whose source fails: feed it through a stream we end ourselves.
    const body = new PassThrough();
    request.pipe(body);
    finished(request, () => request.complete || body.end());
    object.content = body;
    const result = await putObject(object);
    if (request.complete) return result;
    await store.deleteObject(object.bucket, object.key);
    throw new S3Error('IncompleteBody', 'The request body terminated unexpectedly');
  };

  // S3 never shows an object before its PUT has completed, so a request for a key waits while a PUT of
  // that key is in flight (a listing, while any PUT is), and a dropped PUT is discarded by then. Waiting
  // only for PUTs already known to have dropped raced with the drop being noticed under load.
  const writing = new Map<string, Set<Promise<void>>>();
  const holdWhileWriting: KoaMiddleware = async (ctx, next) => {
    const [, ...key] = ctx.path.split('/').filter(Boolean);
    const plainPut = ctx.method === 'PUT' && key.length && !ctx.get('x-amz-copy-source') && Object.keys(ctx.query).every((name) => name === 'x-id');
    if (plainPut) {
      let done!: () => void;
      const write = new Promise<void>((resolve) => (done = resolve));
      const writes = writing.get(ctx.path) ?? new Set();
      writing.set(ctx.path, writes.add(write));
      try {
        return await next();
      } finally {
        writes.delete(write);
        if (!writes.size) writing.delete(ctx.path);
        done();
      }
    }
    await Promise.all(key.length ? [...(writing.get(ctx.path) ?? [])] : [...writing.values()].flatMap((writes) => [...writes]));
    return next();
  };

  const missingFeatures: KoaMiddleware = async (ctx, next) => {
    const [bucket, ...key] = ctx.path.split('/').filter(Boolean);
    const uploads = store.getResourcePath(bucket, undefined, 'uploads');
    const { uploadId } = ctx.query;
    if (ctx.method === 'DELETE' && typeof uploadId === 'string' && key.length) {
      const removed = /^[0-9a-f]+$/.test(uploadId) && (await rm(join(uploads, uploadId), { recursive: true }).then(() => true, () => false));
      if (!removed) throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
      ctx.status = 204;
    } else if (ctx.method === 'GET' && 'uploads' in ctx.query && !key.length) {
      const ids = await readdir(uploads).catch(() => [] as string[]);
      const Upload = await Promise.all(ids.map(async (UploadId) => ({ Key: await readFile(join(uploads, UploadId, 'key'), 'utf8'), UploadId })));
      ctx.body = { ListMultipartUploadsResult: { Bucket: bucket, IsTruncated: false, Upload } };
    } else if (ctx.method === 'GET' && ctx.query['list-type'] === '2' && !key.length) {
      // Serve V2 from s3rver's V1 listing, with the last key as an opaque continuation token.
      const { 'list-type': _v2, 'continuation-token': token, 'start-after': startAfter, ...rest } = ctx.query;
      const marker = typeof token === 'string' ? Buffer.from(token, 'base64url').toString() : startAfter;
      ctx.query = { ...rest, ...(marker ? { marker } : {}) };
      await next();
      const result = (ctx.body as { ListBucketResult?: ListBucketResult }).ListBucketResult;
      if (!result) return;
      const last = result.Contents.at(-1)?.Key;
      Object.assign(result, { Marker: undefined, KeyCount: result.Contents.length, ContinuationToken: token });
      if (result.IsTruncated && last) result.NextContinuationToken = Buffer.from(last).toString('base64url');
    } else {
      await next();
    }
  };
  // Just before the router, so s3rver's XML encoder and error handler still apply.
  server.middleware.splice(server.middleware.length - 1, 0, holdWhileWriting, missingFeatures);
}
