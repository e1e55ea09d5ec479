/*
 * npm run bench:delivery — what the API spends per byte on a delivery's download, against the cost of
 * the same bytes with no work of ours on top.
 *
 * The API runs as a child process (the real ApiModule and HTTP set-up, S3 driver) against an s3rver
 * in this process. Each round uploads recordings totalling BENCH_DELIVERY_MIB (default 256) MiB
 * through PUT /calls/:id/recording, then, interleaved:
 *   pass-through: GET of every stored (encrypted) object through bench/support/pass-through.cjs (a
 *             minimal Node HTTP server streaming the S3 object to the response with the driver's SDK
 *             settings, in a process of its own), one after the other, read to the end;
 *   delivery: POST /deliveries, then GET /deliveries/:id/download (HTTP Basic): one ZIP streamed with
 *             every recording decrypted and verified, SHA-256 per file, messages, manifest.
 * then this process runs the primitives the download must do on the same bytes (AES-256-GCM decryption
 * in 64 KiB records, SHA-256, CRC-32). floor = pass-through CPU + primitives CPU, per GiB (user + system
 * from /proc/<pid>/stat); the last line is the API's CPU per GiB over the floor (goal <= 1.25).
 * Prints both rates and the API process's peak RSS growth while it
 * streams (goal < 64 MiB), from /proc/<pid>/status (VmHWM reset via clear_refs, VmRSS sampled every
 * 10 ms). The worker is not running, so the objects stay for the next round's comparison; the
 * archive is checked (size, every recording's SHA-256 in the manifest equals the upload's).
 * BENCH_PROFILE=/tmp/delivery.cpuprofile writes a CPU profile of the API streaming the last round.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { startS3Endpoint } from '../test/support/s3-endpoint';
import { MiB, mib, request, json, procStatus, cpuSeconds, runBenchmark, startApiProcess, stopApiProcess } from './support/api-process';
import { ADMIN, createTestEnvironment, TestEnvironment } from '../test/support/test-environment';
import { ownerQuery } from '../test/support/test-app';
import { costLine, GiB, primitivesCpu, startPassThrough, stopPassThrough } from './support/cost';

const TOTAL = Number(process.env.BENCH_DELIVERY_MIB ?? 256) * MiB;
const RECORDINGS = Number(process.env.BENCH_DELIVERY_RECORDINGS ?? 8);
const PASSWORD = 'bench-password-long-enough';

function* audioChunks(size: number, block: Buffer): Generator<Buffer> {
  const first = Buffer.from(block);
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').copy(first);
  for (let sent = 0; sent < size; sent += MiB) yield (sent === 0 ? first : block).subarray(0, Math.min(MiB, size - sent));
}

function audioStream(size: number, block: Buffer): { stream: Readable; sha256: () => string } {
  const first = Buffer.from(block);
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').copy(first);
  const hash = createHash('sha256');
  let digest: string | undefined;
  const stream = Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += MiB) {
        const chunk = (sent === 0 ? first : block).subarray(0, Math.min(MiB, size - sent));
        hash.update(chunk);
        yield chunk;
      }
    })(),
    { objectMode: false, highWaterMark: 4 * MiB },
  );
  return { stream, sha256: () => (digest ??= hash.digest('hex')) };
}

/**
 * Downloads the delivery, keeping only the ZIP's tail (its central directory and the manifest, the
 * last entry) so a 256 MiB archive is never held; returns the byte count and the manifest.
 */
function download(port: number, deliveryId: string, password: string): Promise<{ bytes: number; seconds: number; manifest: any }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port, method: 'GET', path: `/deliveries/${deliveryId}/download`, headers: { Authorization: `Basic ${Buffer.from(`${deliveryId}:${password}`).toString('base64')}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`download answered ${res.statusCode}`));
        let bytes = 0;
        let kept = 0;
        const tail: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          tail.push(chunk);
          kept += chunk.length;
          while (kept - tail[0].length >= 2 * MiB) kept -= tail.shift()!.length;
        });
        res.on('end', () => {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          readManifest(Buffer.concat(tail)).then((manifest) => resolve({ bytes, seconds, manifest }), reject);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The manifest from the archive's last bytes: find its local header, read the stored entry. */
function readManifest(tail: Buffer): Promise<any> {
  const name = Buffer.from('manifest.json');
  for (let at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at - 1)) {
    const nameLength = tail.readUInt16LE(at + 26);
    const extraLength = tail.readUInt16LE(at + 28);
    if (!tail.subarray(at + 30, at + 30 + nameLength).equals(name)) continue;
    const start = at + 30 + nameLength + extraLength;
    const usesDescriptor = (tail.readUInt16LE(at + 6) & 0x08) !== 0;
    const end = usesDescriptor ? tail.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start) : start + tail.readUInt32LE(at + 18);
    return Promise.resolve(JSON.parse(tail.subarray(start, end).toString()));
  }
  return Promise.reject(new Error('manifest.json not found at the end of the archive'));
}

function ask(child: ChildProcess, message: object, answer: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (reply: Record<string, unknown>) => {
      if (answer in reply) {
        child.off('message', listener);
        resolve();
      }
    };
    child.on('message', listener);
    child.send(message);
  });
}

async function main(): Promise<void> {
  const s3 = await startS3Endpoint('callvault-bench');
  let env: TestEnvironment | undefined;
  let child: ChildProcess | undefined;
  let passThrough: ChildProcess | undefined;
  try {
    env = await createTestEnvironment({
      ...s3.env,
      RECORDING_MAX_BYTES: String(4 * 1024 * MiB),
    });
    const started = await startApiProcess(env.env);
    child = started.child;
    const port = started.port;
    const pid = child.pid!;

    const admin = (await json(port, 'POST', '/auth/login', ADMIN)).accessToken;
    const client = await json(port, 'POST', '/clients', { name: 'Bench Answering Co' }, admin);
    await json(port, 'POST', '/users', { email: 'agent@bench.test', password: PASSWORD, role: 'agent' }, admin);
    await json(port, 'POST', '/users', { email: 'client@bench.test', password: PASSWORD, role: 'client', clientId: client.id }, admin);
    const agent = (await json(port, 'POST', '/auth/login', { email: 'agent@bench.test', password: PASSWORD })).accessToken;
    const clientUser = (await json(port, 'POST', '/auth/login', { email: 'client@bench.test', password: PASSWORD })).accessToken;

    const block = randomBytes(MiB);
    /** Uploads `count` recordings totalling `total` bytes; returns their ids, SHA-256s and storage keys. */
    const upload = async (total: number, count: number) => {
      const uploaded: { id: string; sha256: string; storageKey: string }[] = [];
      for (let i = 0; i < count; i++) {
        const size = Math.floor(total / count) + (i < total % count ? 1 : 0);
        const call = await json(port, 'POST', '/calls', { clientId: client.id, callerNumber: '+15550100', startedAt: new Date(Date.now() + i * 1000).toISOString() }, agent);
        await json(port, 'POST', `/calls/${call.id}/messages`, { callerName: 'Bench Caller', callerPhone: '+15550100', body: 'Bench message' }, agent);
        const source = audioStream(size, block);
        const reply = await request(port, 'PUT', `/calls/${call.id}/recording`, { Authorization: `Bearer ${agent}`, 'Content-Type': 'audio/wav', 'Content-Length': size }, source.stream);
        if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${JSON.stringify(reply.json)}`);
        const [row] = await ownerQuery<{ storage_key: string }>(env!.config, 'SELECT storage_key FROM recordings WHERE id = $1', [reply.json.id]);
        uploaded.push({ id: reply.json.id, sha256: source.sha256(), storageKey: row.storage_key });
      }
      return uploaded;
    };

    const pass = await startPassThrough(s3.env);
    passThrough = pass.child;
    const passPid = passThrough.pid!;
    const passGet = async (keys: string[]) => {
      let bytes = 0;
      const started = process.hrtime.bigint();
      for (const key of keys) {
        bytes += await new Promise<number>((resolve, reject) =>
          http
            .get({ host: '127.0.0.1', port: pass.port, path: `/objects/${key}` }, (res) => {
              if (res.statusCode !== 200) return reject(new Error(`pass-through answered ${res.statusCode}`));
              let n = 0;
              res.on('data', (chunk: Buffer) => (n += chunk.length));
              res.on('end', () => resolve(n));
              res.on('error', reject);
            })
            .on('error', reject),
        );
      }
      return { bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    };
    const deliver = async (recordings: { id: string; sha256: string }[]) => {
      const created = await json(port, 'POST', '/deliveries', { recordingIds: recordings.map((r) => r.id) }, clientUser);
      const result = await download(port, created.id, created.password);
      const bySha = new Map(result.manifest.files.filter((f: any) => f.recordingId).map((f: any) => [f.recordingId, f.sha256]));
      for (const r of recordings) if (bySha.get(r.id) !== r.sha256) throw new Error(`delivery: recording ${r.id} SHA-256 in the manifest differs from the upload`);
      return result;
    };

    // Warm up both paths (JIT, connections, keys).
    const warm = await upload(32 * MiB, 2);
    await passGet(warm.map((r) => r.storageKey));
    await deliver(warm);

    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const raws: { bytes: number; seconds: number }[] = [];
    const deliveries: { bytes: number; seconds: number }[] = [];
    const growths: number[] = [];
    const cpu = { pass: 0, primitives: 0, api: 0 };
    const primitives = { 'aes-256-gcm-decrypt': 0, sha256: 0, crc32: 0 };
    let plainBytes = 0;
    for (let round = 0; round < rounds; round++) {
      const recordings = await upload(TOTAL, RECORDINGS);
      const cpuBeforePass = cpuSeconds(passPid);
      raws.push(await passGet(recordings.map((r) => r.storageKey)));
      cpu.pass += cpuSeconds(passPid) - cpuBeforePass;
      const sizes = recordings.map((_, i) => Math.floor(TOTAL / RECORDINGS) + (i < TOTAL % RECORDINGS ? 1 : 0));
      const primitive = primitivesCpu(function* () {
        for (const size of sizes) yield* audioChunks(size, block);
      }, ['aes-256-gcm-decrypt', 'sha256', 'crc32']);
      cpu.primitives += primitive.total;
      for (const name of ['aes-256-gcm-decrypt', 'sha256', 'crc32'] as const) primitives[name] += primitive[name];
      plainBytes += TOTAL;

      await new Promise((r) => setTimeout(r, 500));
      const baseline = procStatus(pid, 'VmRSS');
      let hwmReset = true;
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        hwmReset = false;
      }
      let sampledPeak = baseline;
      const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, procStatus(pid, 'VmRSS'))), 10);
      const profiling = process.env.BENCH_PROFILE && round === rounds - 1;
      if (profiling) await ask(child, { profile: 'start' }, 'profiling');
      const cpuBefore = cpuSeconds(pid);
      deliveries.push(await deliver(recordings));
      if (profiling) await ask(child, { profile: 'stop', file: process.env.BENCH_PROFILE }, 'profiled');
      clearInterval(sampler);
      cpu.api += cpuSeconds(pid) - cpuBefore;
      const peak = Math.max(sampledPeak, hwmReset ? procStatus(pid, 'VmHWM') : 0);
      growths.push(peak - baseline);
      console.log(
        `round ${round + 1}: pass-through ${(raws[round].bytes / MiB / raws[round].seconds).toFixed(1)} MiB/s, delivery ${(deliveries[round].bytes / MiB / deliveries[round].seconds).toFixed(1)} MiB/s, API RSS ${mib(baseline)} -> ${mib(peak)} MiB`,
      );
    }
    const median = <T extends { bytes: number; seconds: number }>(xs: T[]) => [...xs].sort((x, y) => y.bytes / y.seconds - x.bytes / x.seconds)[xs.length >> 1];
    const raw = median(raws);
    const delivery = median(deliveries);
    const rawRate = raw.bytes / MiB / raw.seconds;
    const deliveryRate = delivery.bytes / MiB / delivery.seconds;
    const growth = Math.max(...growths);
    // Per GiB of recordings delivered (the archive's plaintext; the JSON, CSV and ZIP framing are small).
    const perGiB = (seconds: number) => seconds / (plainBytes / GiB);
    console.log(`pass-through (S3 -> HTTP):   ${mib(raw.bytes)} MiB (${RECORDINGS} stored objects) in ${raw.seconds.toFixed(2)} s = ${rawRate.toFixed(1)} MiB/s (median of ${rounds})`);
    console.log(`API delivery download (ZIP): ${mib(delivery.bytes)} MiB (${RECORDINGS} recordings decrypted + messages + manifest) in ${delivery.seconds.toFixed(2)} s = ${deliveryRate.toFixed(1)} MiB/s (median of ${rounds}; ${((deliveryRate / rawRate) * 100).toFixed(1)} % of the pass-through, load-sensitive)`);
    console.log(`API peak RSS growth:         ${mib(growth)} MiB while streaming (largest of ${rounds}; VmHWM and 10 ms VmRSS samples of the API process) (goal < 64 MiB) ${growth < 64 * MiB ? 'OK' : 'ABOVE GOAL'}`);
    console.log(
      `CPU-s/GiB:                   pass-through ${perGiB(cpu.pass).toFixed(2)}; primitives ${perGiB(cpu.primitives).toFixed(2)} (AES-256-GCM ${perGiB(primitives['aes-256-gcm-decrypt']).toFixed(2)}, SHA-256 ${perGiB(primitives.sha256).toFixed(2)}, CRC-32 ${perGiB(primitives.crc32).toFixed(2)}); API ${perGiB(cpu.api).toFixed(2)}`,
    );
    console.log(costLine('delivery', perGiB(cpu.api), perGiB(cpu.pass) + perGiB(cpu.primitives)));
  } finally {
    await stopApiProcess(child);
    stopPassThrough(passThrough);
    await env?.destroy();
    await s3.stop();
  }
}

runBenchmark(main);
