/**
 * What the streaming benchmarks share: the API as a child process of its own (so its RSS and CPU are
 * its own), plain HTTP calls to it, and /proc readings of a process.
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const MiB = 1024 * 1024;
export const mib = (bytes: number) => (bytes / MiB).toFixed(1);

export function request(port: number, method: string, path: string, headers: Record<string, string | number>, body?: Buffer | Readable): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString();
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
      });
    });
    req.on('error', reject);
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

export const json = (port: number, method: string, path: string, body: unknown, token?: string) =>
  request(port, method, path, { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, Buffer.from(JSON.stringify(body))).then((r) => {
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  });

export const procStatus = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
};

/** CPU seconds (user + system) a process has used so far. */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};

/** Starts the API in a process of its own (BENCH_CPU_PROFILE_DIR profiles it whole); resolves its port. */
export async function startApiProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'api-child.cjs'), [], {
    env: { ...process.env, ...env },
    execArgv: [...(process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...(process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
    });
    return { child, port };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/** Lets the API close cleanly (5 s at most), then makes sure it is gone. */
export async function stopApiProcess(child: ChildProcess | undefined): Promise<void> {
  if (child?.connected) {
    const exited = new Promise((r) => child.once('exit', r));
    child.disconnect();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  child?.kill();
}

/** Runs a benchmark's main and exits with its outcome (open handles of the stores must not keep it alive). */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Starts or stops the API child's CPU profiler (the Inspector, in the child) and waits for it. */
export function profileApi(child: ChildProcess, message: { profile: 'start' } | { profile: 'stop'; file: string }): Promise<void> {
  const answer = message.profile === 'start' ? 'profiling' : 'profiled';
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
