/**
 * The floor of the cost-ratio benchmarks: what the same bytes cost with no work of ours on top.
 * floor = pass-through CPU (bench/support/pass-through.cjs, a process of its own) + the native
 * primitives the path must do, measured here in one process on the same bytes.
 */
import { ChildProcess, fork } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

export const GiB = 1024 ** 3;

/** Starts the pass-through in a process of its own, pointed at the same S3 endpoint and bucket. */
export async function startPassThrough(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  // Plain JavaScript with no loader, as the API child runs its compiled build (see pass-through.cjs).
  const child = fork(join(__dirname, 'pass-through.cjs'), [], {
    env: { ...process.env, ...env },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`pass-through exited with ${code}`)));
  });
  return { child, port };
}

export function stopPassThrough(child: ChildProcess | undefined): void {
  if (child?.connected) child.disconnect();
  child?.kill();
}

export type Primitive = 'aes-256-gcm-encrypt' | 'aes-256-gcm-decrypt' | 'sha256' | 'crc32';

/**
 * CPU seconds (user + system of this process) the primitives take over `chunks` (the same bytes the
 * path moves), each in 64 KiB records as the record cipher does; the tag of every record is computed.
 */
export function primitivesCpu(chunks: () => Iterable<Buffer>, primitives: Primitive[]): Record<Primitive, number> & { total: number } {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const aad = randomBytes(80);
  const RECORD = 64 * 1024;
  const out = { total: 0 } as Record<Primitive, number> & { total: number };
  const records = function* () {
    for (const chunk of chunks()) for (let at = 0; at < chunk.length; at += RECORD) yield chunk.subarray(at, at + RECORD);
  };
  // Decryption needs each record's real ciphertext and tag: sealed once, untimed, per distinct record
  // (the benchmarks repeat one random block, so this stays a few MiB).
  const sealed = new WeakMap<ArrayBufferLike, Map<string, { ciphertext: Buffer; tag: Buffer }>>();
  const sealedOf = (record: Buffer) => {
    let byOffset = sealed.get(record.buffer);
    if (!byOffset) sealed.set(record.buffer, (byOffset = new Map()));
    const at = `${record.byteOffset}:${record.length}`;
    let entry = byOffset.get(at);
    if (!entry) {
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(aad);
      const ciphertext = c.update(record);
      c.final();
      byOffset.set(at, (entry = { ciphertext, tag: c.getAuthTag() }));
    }
    return entry;
  };
  if (primitives.includes('aes-256-gcm-decrypt')) for (const record of records()) sealedOf(record);
  for (const primitive of primitives) {
    const before = process.cpuUsage();
    if (primitive === 'sha256') {
      const hash = createHash('sha256');
      for (const chunk of chunks()) hash.update(chunk);
      hash.digest();
    } else if (primitive === 'crc32') {
      let crc = 0;
      for (const chunk of chunks()) crc = crc32(chunk, crc);
    } else if (primitive === 'aes-256-gcm-encrypt') {
      for (const record of records()) {
        const c = createCipheriv('aes-256-gcm', key, iv);
        c.setAAD(aad);
        c.update(record);
        c.final();
        c.getAuthTag();
      }
    } else {
      for (const record of records()) {
        const { ciphertext, tag } = sealedOf(record);
        const d = createDecipheriv('aes-256-gcm', key, iv);
        d.setAAD(aad);
        d.update(ciphertext);
        d.setAuthTag(tag);
        d.final();
      }
    }
    const used = process.cpuUsage(before);
    out[primitive] = (used.user + used.system) / 1e6;
    out.total += out[primitive];
  }
  return out;
}

/** The line every cost-ratio benchmark ends with (the exact wording). */
export function costLine(name: string, apiPerGiB: number, floorPerGiB: number): string {
  const ratio = apiPerGiB / floorPerGiB;
  return `${name} cost ratio: ${ratio.toFixed(2)} (API ${apiPerGiB.toFixed(2)} CPU-s/GiB, floor ${floorPerGiB.toFixed(2)} CPU-s/GiB; goal <= 1.25)`;
}
