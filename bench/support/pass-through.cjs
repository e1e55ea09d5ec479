/**
 * The pass-through of the cost-ratio benchmarks: the least a Node process can do to move the same bytes
 * between HTTP and S3, with the storage driver's SDK settings and no work of ours (no cryptography, no
 * framework, no database). Runs in a process of its own, so its CPU can be read from /proc, and as plain
 * JavaScript: under ts-node its heap held the TypeScript compiler (~25 MB instead of ~7), and in some
 * runs full GCs of it raised the floor from ~1.5 to ~5 CPU-s/GiB.
 *   PUT /objects/<key>  streams the request body to S3 (one PutObject with the declared length);
 *   GET /objects/<key>  streams the S3 object to the response.
 */
const { GetObjectCommand, PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const http = require('node:http');
const { pipeline } = require('node:stream/promises');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`pass-through: ${name} is required`);
  return value;
};

const bucket = env('S3_BUCKET');
// The same settings as libs/storage's S3ObjectStorage.
const s3 = new S3Client({
  endpoint: env('S3_ENDPOINT'),
  region: env('S3_REGION'),
  credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const server = http.createServer((req, res) => {
  const key = decodeURIComponent((req.url ?? '').replace(/^\/objects\//, ''));
  const fail = (error) => {
    if (!res.headersSent) res.writeHead(500).end(String(error.message));
    else res.destroy();
  };
  if (req.method === 'PUT') {
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: req, ContentLength: Number(req.headers['content-length']) })).then(
      () => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'),
      fail,
    );
  } else if (req.method === 'GET') {
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then((object) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(object.ContentLength) });
      return pipeline(object.Body, res);
    }).catch(fail);
  } else {
    res.writeHead(405).end();
  }
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
