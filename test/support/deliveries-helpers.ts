import { createCipheriv, createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type TestAgent from 'supertest/lib/agent';
import type { TestApi } from './test-app';
import { login } from './test-app';

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const PASSWORD = 'a-long-test-password';
const WAV_HEADER = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1');

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const basic = (id: string, password: string) => `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;

/** Deterministic pseudo-random "audio" of `size` bytes (AES-CTR keystream), a WAV header first, in 1 MiB chunks. */
export function* audioChunks(size: number, seed = 1): Generator<Buffer> {
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, seed), Buffer.alloc(16));
  const zeros = Buffer.alloc(MiB);
  for (let sent = 0; sent < size; ) {
    const n = Math.min(MiB, size - sent);
    const chunk = cipher.update(zeros.subarray(0, n));
    if (sent === 0) WAV_HEADER.copy(chunk, 0, 0, Math.min(WAV_HEADER.length, n));
    sent += n;
    yield chunk;
  }
}
export const audio = (size: number, seed = 1) => Buffer.concat([...audioChunks(size, seed)]);

/** SHA-256 of audio(size, seed) without holding it. */
export function audioSha256(size: number, seed = 1): string {
  const hash = createHash('sha256');
  for (const chunk of audioChunks(size, seed)) hash.update(chunk);
  return hash.digest('hex');
}

export interface Party {
  clientId: string;
  /** A client user's bearer token. */
  client: string;
  agent: string;
}

/** A client business with a client user and an agent. */
export async function createParty(http: TestAgent, admin: string, name: string, instructions: Record<string, unknown> = {}): Promise<Party> {
  const created = await http.post('/clients').set(bearer(admin)).send({ name, instructions }).expect(201);
  const clientId: string = created.body.id;
  const user = async (role: string, withClient: boolean) => {
    const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    await http.post('/users').set(bearer(admin)).send({ email, password: PASSWORD, role, ...(withClient ? { clientId } : {}) }).expect(201);
    return login(http, email, PASSWORD);
  };
  return { clientId, client: await user('client', true), agent: await user('agent', false) };
}

export async function logCall(http: TestAgent, party: Party, startedAt: Date): Promise<string> {
  const res = await http.post('/calls').set(bearer(party.agent)).send({ clientId: party.clientId, callerNumber: '+15550100', startedAt: startedAt.toISOString() }).expect(201);
  return res.body.id;
}

export async function logMessage(http: TestAgent, party: Party, callId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await http
    .post(`/calls/${callId}/messages`)
    .set(bearer(party.agent))
    .send({ callerName: 'Ada Caller', callerPhone: '+15550100', body: 'Please call back about the leak', ...fields })
    .expect(201);
  return res.body.id;
}

const portOf = (api: TestApi) => (api.app.getHttpServer().address() as AddressInfo).port;

/** PUT /calls/:id/recording over raw HTTP, the body streamed with its Content-Length. */
export function uploadRecording(api: TestApi, token: string, callId: string, size: number, seed = 1): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: portOf(api),
        method: 'PUT',
        path: `/calls/${callId}/recording`,
        headers: { ...bearer(token), 'Content-Type': 'audio/wav', 'Content-Length': size },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || 'null') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    Readable.from(audioChunks(size, seed)).pipe(req);
  });
}

/** A call with a message and a recording of `size` bytes; returns their ids and the audio's SHA-256. */
export async function callWithRecording(api: TestApi, party: Party, at: Date, size: number, seed = 1) {
  const callId = await logCall(api.http, party, at);
  const messageId = await logMessage(api.http, party, callId);
  const uploaded = await uploadRecording(api, party.agent, callId, size, seed);
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
  return { callId, messageId, recordingId: uploaded.body.id as string, sha256: uploaded.body.sha256 as string, size };
}

export interface Downloaded {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** True when the response did not end normally (cut by us or by the server). */
  aborted: boolean;
  /** Date.now() when the last byte arrived. */
  endedAt: number;
  /** Bytes of body received, and their SHA-256 (hex), kept or not. */
  received: number;
  sha256: string;
}

export interface DownloadOptions {
  method?: 'GET' | 'HEAD';
  authorization?: string;
  headers?: Record<string, string>;
  /** Destroy the socket once this many body bytes have arrived. */
  cutAfter?: number;
  /** Called as body bytes arrive (total so far). */
  onProgress?: (received: number) => void;
  /** Keep no body, only count it (large downloads). */
  discardBody?: boolean;
  /** Read no byte of the body, then close the connection after this many ms (a client that gave up). */
  readNothingFor?: number;
}

/** GET (or HEAD) /deliveries/:id/download over raw HTTP, with a fresh connection. */
export function requestDownload(api: TestApi | number, deliveryId: string, options: DownloadOptions = {}): Promise<Downloaded> {
  const port = typeof api === 'number' ? api : portOf(api);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: `/deliveries/${deliveryId}/download`,
        agent: false,
        headers: { ...(options.authorization ? { Authorization: options.authorization } : {}), ...options.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        const hash = createHash('sha256');
        let received = 0;
        let settled = false;
        const finish = (aborted: boolean) => {
          if (settled) return;
          settled = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), aborted, endedAt: Date.now(), received, sha256: hash.digest('hex') });
        };
        if (options.readNothingFor !== undefined) {
          res.pause();
          setTimeout(() => {
            req.destroy();
            finish(true);
          }, options.readNothingFor);
          return;
        }
        res.on('data', (chunk: Buffer) => {
          if (options.cutAfter !== undefined && received + chunk.length > options.cutAfter) chunk = chunk.subarray(0, options.cutAfter - received);
          received += chunk.length;
          hash.update(chunk);
          if (!options.discardBody) parts.push(chunk);
          options.onProgress?.(received);
          if (options.cutAfter !== undefined && received >= options.cutAfter) {
            req.destroy();
            finish(true);
          }
        });
        res.on('end', () => finish(!res.complete));
        res.on('error', () => finish(true));
        res.on('close', () => finish(!res.complete));
      },
    );
    req.on('error', (error) => (options.cutAfter !== undefined || options.readNothingFor !== undefined ? undefined : reject(error)));
    req.end();
  });
}

/** POST /deliveries/:id/receipt with the delivery's credential over raw HTTP (to the API or a proxy in front of it). */
export function postReceipt(api: TestApi | number, deliveryId: string, authorization: string, digest: string): Promise<{ status: number; body: any }> {
  const port = typeof api === 'number' ? api : portOf(api);
  const payload = Buffer.from(JSON.stringify({ sha256: digest }));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/deliveries/${deliveryId}/receipt`,
        agent: false,
        headers: { Authorization: authorization, 'Content-Type': 'application/json', 'Content-Length': payload.length },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || 'null') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Every entry of a ZIP held in memory; sizes (yauzl) and CRC-32 (here) checked against the central directory. */
export function unzip(buffer: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            const data = Buffer.concat(parts);
            if (crc32(data) >>> 0 !== entry.crc32) return reject(new Error(`CRC-32 of ${entry.fileName} differs from the ZIP's`));
            entries.push({ name: entry.fileName, data });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
