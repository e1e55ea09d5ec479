/*
 * npm run bench:ingest — what the API spends per byte ingesting a recording, against the cost of the
 * same bytes with no work of ours on top; and its memory.
 *
 * The API runs as a child process (the real ApiModule and HTTP set-up, S3 driver) against an s3rver
 * in this process. Each round sends the same generated stream (never a whole buffer) twice, to the
 * same endpoint: through the pass-through (bench/support/pass-through.cjs: a minimal Node HTTP server
 * streaming the request body to S3 with the driver's SDK settings, in a process of its own) and through
 * PUT /calls/:id/recording (sniff, SHA-256, AES-256-GCM, streamed PutObject). This process then runs
 * the primitives the path must do (AES-256-GCM in 64 KiB records, SHA-256) on the same bytes.
 * floor = pass-through CPU + primitives CPU (per GiB; user + system from /proc/<pid>/stat); the last
 * line is the API's CPU per GiB over the floor (goal <= 1.25). Also prints the API process's peak RSS
 * growth while ingesting (goal < 64 MiB), from /proc/<pid>/status (VmHWM reset through clear_refs just
 * before, and VmRSS sampled every 10 ms). CPU seconds, unlike wall-clock rates, barely move with the
 * load from other processes on a shared machine.
 *
 * Knobs: BENCH_INGEST_MIB (default 1024), BENCH_ROUNDS (interleaved pass-through/ingest pairs, default 3;
 * medians are reported), BENCH_CHUNK_KIB (client write size, default 1024, the same for both paths),
 * BENCH_PROFILE=/tmp/ingest.cpuprofile (after the measured rounds, one more ingest of the same size with
 * the API's CPU profiler on; not counted in the figures).
 */
import 'reflect-metadata';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { startS3Endpoint } from '../test/support/s3-endpoint';
import { MiB, mib, request, json, procStatus, cpuSeconds, profileApi, runBenchmark, startApiProcess, stopApiProcess } from './support/api-process';
import { ADMIN, createTestEnvironment } from '../test/support/test-environment';
import { costLine, GiB, primitivesCpu, startPassThrough, stopPassThrough } from './support/cost';

const SIZE = Number(process.env.BENCH_INGEST_MIB ?? 1024) * MiB;
const CHUNK = Number(process.env.BENCH_CHUNK_KIB ?? 1024) * 1024;
const PASSWORD = 'bench-password-long-enough';

/**
 * `size` bytes of WAV-looking data from one random MiB repeated: generating costs nothing, so the rates
 * are the pipeline's. The SHA-256 of the stream is computed once, untimed (digestOf), not while sending.
 */
function* audioChunks(size: number, block: Buffer): Generator<Buffer> {
  const first = Buffer.from(block);
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').copy(first);
  for (let sent = 0; sent < size; sent += CHUNK) yield (sent === 0 ? first : block).subarray(0, Math.min(CHUNK, size - sent));
}

function audioStream(size: number, block: Buffer): Readable {
  return Readable.from(audioChunks(size, block), { objectMode: false, highWaterMark: 4 * MiB });
}

async function digestOf(size: number, block: Buffer): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of audioStream(size, block)) hash.update(chunk);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const s3 = await startS3Endpoint('callvault-bench');
  const env = await createTestEnvironment({
    ...s3.env,
    RECORDING_MAX_BYTES: String(4 * 1024 * MiB),
  });
  let child: ChildProcess | undefined;
  let passThrough: ChildProcess | undefined;
  try {
    const passStarted = await startPassThrough(s3.env);
    passThrough = passStarted.child;
    const passPort = passStarted.port;
    const passPid = passThrough.pid!;
    const started = await startApiProcess(env.env);
    child = started.child;
    const port = started.port;
    const pid = child.pid!;

    const admin = (await json(port, 'POST', '/auth/login', ADMIN)).accessToken;
    const client = await json(port, 'POST', '/clients', { name: 'Bench Answering Co' }, admin);
    await json(port, 'POST', '/users', { email: 'agent@bench.test', password: PASSWORD, role: 'agent' }, admin);
    const agent = (await json(port, 'POST', '/auth/login', { email: 'agent@bench.test', password: PASSWORD })).accessToken;
    const newCall = async () => (await json(port, 'POST', '/calls', { clientId: client.id, callerNumber: '+15550100', startedAt: new Date().toISOString() }, agent)).id;

    const s3client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.config.region,
      credentials: { accessKeyId: s3.config.accessKeyId, secretAccessKey: s3.config.secretAccessKey },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const block = randomBytes(CHUNK);
    const digests = new Map<number, string>();
    for (const size of [64 * MiB, SIZE]) digests.set(size, await digestOf(size, block));
    // Each measured object is deleted right after (its dirty pages are dropped, not written back) and
    // the disk gets a moment, so one run's writeback does not throttle the next run's writes.
    const settle = async (key: string) => {
      await s3client.send(new DeleteObjectCommand({ Bucket: s3.config.bucket, Key: key }));
      await new Promise((r) => setTimeout(r, 1000));
    };
    const passPut = async (size: number) => {
      const started = process.hrtime.bigint();
      const reply = await request(passPort, 'PUT', `/objects/bench/pass-${size}`, { 'Content-Type': 'audio/wav', 'Content-Length': size }, audioStream(size, block));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (reply.status !== 201) throw new Error(`pass-through: ${reply.status}`);
      await settle(`bench/pass-${size}`);
      return seconds;
    };
    const ingest = async (size: number) => {
      const callId = await newCall();
      const expected = digests.get(size);
      const started = process.hrtime.bigint();
      const reply = await request(port, 'PUT', `/calls/${callId}/recording`, { Authorization: `Bearer ${agent}`, 'Content-Type': 'audio/wav', 'Content-Length': size }, audioStream(size, block));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (reply.status !== 201) throw new Error(`ingest: ${reply.status} ${JSON.stringify(reply.json)}`);
      if (reply.json.size !== size || reply.json.sha256 !== expected) throw new Error('ingest: size or SHA-256 of the stored recording differs from what was sent');
      await settle(`recordings/${reply.json.clientId}/${reply.json.id}`);
      return seconds;
    };

    // Warm up both paths (JIT, connections, first KEK) before measuring.
    await passPut(64 * MiB);
    await ingest(64 * MiB);

    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const rawRuns: number[] = [];
    const ingestRuns: number[] = [];
    const growths: number[] = [];
    const cpu = { pass: 0, primitives: 0, api: 0 };
    const primitives = { 'aes-256-gcm-encrypt': 0, sha256: 0 };
    // Interleaved rounds, so load from elsewhere on the machine hits both paths alike; medians are reported.
    for (let round = 0; round < rounds; round++) {
      const cpuBeforePass = cpuSeconds(passPid);
      rawRuns.push(await passPut(SIZE));
      cpu.pass += cpuSeconds(passPid) - cpuBeforePass;
      const primitive = primitivesCpu(() => audioChunks(SIZE, block), ['aes-256-gcm-encrypt', 'sha256']);
      cpu.primitives += primitive.total;
      primitives['aes-256-gcm-encrypt'] += primitive['aes-256-gcm-encrypt'];
      primitives.sha256 += primitive.sha256;

      global.gc?.();
      await new Promise((r) => setTimeout(r, 500));
      const baseline = procStatus(pid, 'VmRSS');
      let hwmReset = true;
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      } catch {
        hwmReset = false;
      }
      let sampledPeak = baseline;
      const sampler = setInterval(() => {
        sampledPeak = Math.max(sampledPeak, procStatus(pid, 'VmRSS'));
      }, 10);
      const cpuBefore = cpuSeconds(pid);
      if (process.env.BENCH_MARKS) console.log(`mark ingest-start ${process.hrtime.bigint() / 1000n}`);
      ingestRuns.push(await ingest(SIZE));
      if (process.env.BENCH_MARKS) console.log(`mark ingest-end ${process.hrtime.bigint() / 1000n}`);
      clearInterval(sampler);
      cpu.api += cpuSeconds(pid) - cpuBefore;
      const peak = Math.max(sampledPeak, hwmReset ? procStatus(pid, 'VmHWM') : 0);
      growths.push(peak - baseline);
      console.log(
        `round ${round + 1}: pass-through ${(SIZE / MiB / rawRuns[round]).toFixed(1)} MiB/s, ingest ${(SIZE / MiB / ingestRuns[round]).toFixed(1)} MiB/s (${((100 * rawRuns[round]) / ingestRuns[round]).toFixed(1)} %), API RSS ${mib(baseline)} -> ${mib(peak)} MiB${hwmReset ? '' : ' (VmHWM not resettable: sampled only)'}`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const rawSeconds = median(rawRuns);
    const ingestSeconds = median(ingestRuns);
    const growth = Math.max(...growths);
    const rawRate = SIZE / MiB / rawSeconds;
    const ingestRate = SIZE / MiB / ingestSeconds;
    if (process.env.BENCH_PROFILE) {
      await profileApi(child, { profile: 'start' });
      await ingest(SIZE);
      await profileApi(child, { profile: 'stop', file: process.env.BENCH_PROFILE });
      console.log(`CPU profile of one more ingest: ${process.env.BENCH_PROFILE}`);
    }
    const perGiB = (seconds: number) => seconds / rounds / (SIZE / GiB);
    console.log(`pass-through (HTTP -> S3):   ${mib(SIZE)} MiB in ${rawSeconds.toFixed(2)} s = ${rawRate.toFixed(1)} MiB/s (median of ${rounds})`);
    console.log(`API ingest (PUT recording):  ${mib(SIZE)} MiB in ${ingestSeconds.toFixed(2)} s = ${ingestRate.toFixed(1)} MiB/s (median of ${rounds}; ${((ingestRate / rawRate) * 100).toFixed(1)} % of the pass-through, load-sensitive)`);
    console.log(
      `API peak RSS growth:         ${mib(growth)} MiB while ingesting (largest of ${rounds}; VmHWM and 10 ms VmRSS samples of the API process) (goal < 64 MiB) ${growth < 64 * MiB ? 'OK' : 'ABOVE GOAL'}`,
    );
    console.log(
      `CPU-s/GiB:                   pass-through ${perGiB(cpu.pass).toFixed(2)}; primitives ${perGiB(cpu.primitives).toFixed(2)} (AES-256-GCM ${perGiB(primitives['aes-256-gcm-encrypt']).toFixed(2)}, SHA-256 ${perGiB(primitives.sha256).toFixed(2)}); API ${perGiB(cpu.api).toFixed(2)}`,
    );
    console.log(costLine('ingest', perGiB(cpu.api), perGiB(cpu.pass) + perGiB(cpu.primitives)));
    s3client.destroy();
  } finally {
    await stopApiProcess(child);
    stopPassThrough(passThrough);
    await env.destroy();
    await s3.stop();
  }
}

runBenchmark(main);
