import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ApiProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * `npm run start:api` as an operator runs it, from the sources: its own process and port, the given
 * environment. Resolves once /health answers (compiling the sources takes a while on a busy machine).
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 240_000): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-C', 'development', '-r', 'ts-node/register/transpile-only', 'apps/api/src/main.ts'], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    const up = await fetch(`${url}/health`).then((r) => r.status < 500, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not answer within ${timeoutMs} ms: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Starts several at once; if one fails, stops the others before throwing, so no process is left behind. */
export async function startApiProcesses(env: Record<string, string>, count: number): Promise<ApiProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startApiProcess(env)));
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(running.map((api) => api.stop()));
    throw failure.reason;
  }
  return running;
}
