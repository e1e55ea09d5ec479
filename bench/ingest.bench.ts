/*
 * npm run bench:ingest — recording ingest throughput and memory, against a raw PutObject baseline.
 *
 * The API runs as a child process (the real ApiModule and HTTP set-up, S3 driver) against an s3rver
 * in this process. Both runs send the same generated 1 GiB stream (never a 1 GiB buffer) to the same
 * endpoint: once as a raw streamed PutObject, once through PUT /calls/:id/recording (sniff, SHA-256,
 * AES-256-GCM, streamed PutObject). Prints both rates, their ratio (goal ≥ 80 %), and the API
 * process's peak RSS growth while ingesting (goal < 64 MiB), from /proc/<pid>/status (VmHWM reset
 * through clear_refs just before, and VmRSS sampled every 10 ms).
 *
 * Knobs: BENCH_INGEST_MIB (default 1024), BENCH_ROUNDS (interleaved raw/ingest pairs, default 3; medians
 * are reported), BENCH_CHUNK_KIB (client write size, default 1024, the same for both paths),
 * BENCH_CPU_PROFILE_DIR (CPU profile of the API process). On a shared machine the rates follow the
 * load from other processes: the ingest path needs two processes on CPU at once, the raw one a single.
 */
import 'reflect-metadata';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { startS3Endpoint } from '../test/support/s3-endpoint';
import { MiB, mib, request, json, procStatus, cpuSeconds, runBenchmark, startApiProcess, stopApiProcess } from './support/api-process';
import { ADMIN, createTestEnvironment } from '../test/support/test-environment';

const SIZE = Number(process.env.BENCH_INGEST_MIB ?? 1024) * MiB;
const CHUNK = Number(process.env.BENCH_CHUNK_KIB ?? 1024) * 1024;
const PASSWORD = 'bench-password-long-enough';

/**
 * `size` bytes of WAV-looking data from one random MiB repeated: generating costs nothing, so the rates
 * are the pipeline's. The SHA-256 of the stream is computed once, untimed (digestOf), not while sending.
 */
function audioStream(size: number, block: Buffer): Readable {
  const first = Buffer.from(block);
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').copy(first);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += CHUNK) yield (sent === 0 ? first : block).subarray(0, Math.min(CHUNK, size - sent));
    })(),
    { objectMode: false, highWaterMark: 4 * MiB },
  );
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
  try {
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
    const rawPut = async (size: number) => {
      const stream = audioStream(size, block);
      const started = process.hrtime.bigint();
      await s3client.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: `bench/raw-${size}`, Body: stream, ContentLength: size }));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await settle(`bench/raw-${size}`);
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
    await rawPut(64 * MiB);
    await ingest(64 * MiB);

    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const rawRuns: number[] = [];
    const ingestRuns: number[] = [];
    const growths: number[] = [];
    let cpu = { raw: 0, bench: 0, api: 0 };
    // Interleaved rounds, so load from elsewhere on the machine hits both paths alike; medians are reported.
    for (let round = 0; round < rounds; round++) {
      const cpuBeforeRaw = cpuSeconds(process.pid);
      rawRuns.push(await rawPut(SIZE));
      cpu.raw += cpuSeconds(process.pid) - cpuBeforeRaw;

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
      const cpuBefore = { bench: cpuSeconds(process.pid), api: cpuSeconds(pid) };
      if (process.env.BENCH_MARKS) console.log(`mark ingest-start ${process.hrtime.bigint() / 1000n}`);
      ingestRuns.push(await ingest(SIZE));
      if (process.env.BENCH_MARKS) console.log(`mark ingest-end ${process.hrtime.bigint() / 1000n}`);
      clearInterval(sampler);
      cpu = { raw: cpu.raw, bench: cpu.bench + cpuSeconds(process.pid) - cpuBefore.bench, api: cpu.api + cpuSeconds(pid) - cpuBefore.api };
      const peak = Math.max(sampledPeak, hwmReset ? procStatus(pid, 'VmHWM') : 0);
      growths.push(peak - baseline);
      console.log(
        `round ${round + 1}: raw ${(SIZE / MiB / rawRuns[round]).toFixed(1)} MiB/s, ingest ${(SIZE / MiB / ingestRuns[round]).toFixed(1)} MiB/s (${((100 * rawRuns[round]) / ingestRuns[round]).toFixed(1)} %), API RSS ${mib(baseline)} -> ${mib(peak)} MiB${hwmReset ? '' : ' (VmHWM not resettable: sampled only)'}`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const rawSeconds = median(rawRuns);
    const ingestSeconds = median(ingestRuns);
    const growth = Math.max(...growths);
    const rawRate = SIZE / MiB / rawSeconds;
    const ingestRate = SIZE / MiB / ingestSeconds;
    console.log(`raw PutObject to s3rver:     ${mib(SIZE)} MiB in ${rawSeconds.toFixed(2)} s = ${rawRate.toFixed(1)} MiB/s (median of ${rounds})`);
    console.log(`API ingest (PUT recording):  ${mib(SIZE)} MiB in ${ingestSeconds.toFixed(2)} s = ${ingestRate.toFixed(1)} MiB/s (median of ${rounds})`);
    console.log(`ingest / raw ratio:          ${((ingestRate / rawRate) * 100).toFixed(1)} % (goal >= 80 %) ${ingestRate / rawRate >= 0.8 ? 'OK' : 'BELOW GOAL'}`);
    console.log(
      `API peak RSS growth:         ${mib(growth)} MiB while ingesting (largest of ${rounds}; VmHWM and 10 ms VmRSS samples of the API process) (goal < 64 MiB) ${growth < 64 * MiB ? 'OK' : 'ABOVE GOAL'}`,
    );
    console.log(
      `CPU seconds per run:         raw: bench+s3rver ${(cpu.raw / rounds).toFixed(2)}; ingest: bench+s3rver ${(cpu.bench / rounds).toFixed(2)}, API ${(cpu.api / rounds).toFixed(2)}`,
    );
    s3client.destroy();
  } finally {
    await stopApiProcess(child);
    await env.destroy();
    await s3.stop();
  }
}

runBenchmark(main);
