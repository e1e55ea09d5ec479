import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './deliveries-fault-services';

export const NGINX = '/usr/sbin/nginx';

export interface NginxProxyOptions {
  /** Append the client's address to X-Forwarded-For, as the README's TLS-terminating proxy does. */
  forwardedFor?: boolean;
}

/**
 * Debian's nginx in front of the test API, as the README recommends, with its defaults for proxying:
 * proxy_buffering on (nginx reads the upstream response into memory and a temp file as fast as the
 * API sends it, whatever the client reads). Everything (config, pid, logs, temp files) lives in its
 * own temporary directory, it listens on a free port, runs in the foreground and is stopped by its pid.
 */
export class NginxProxy {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(upstreamPort: number, options: NginxProxyOptions = {}): Promise<NginxProxy> {
    const dir = await mkdtemp(join(tmpdir(), 'callvault-nginx-'));
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    await writeFile(
      conf,
      `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_http_version 1.1;
      proxy_set_header Host $host;${options.forwardedFor ? '\n      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' : ''}
    }
  }
}
`,
    );
    const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], { stdio: 'ignore' });
    const proxy = new NginxProxy(port, dir, child);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`nginx exited with ${code}`))));
    exited.catch(() => undefined);
    await Promise.race([proxy.ready(), exited]).catch(async (error) => {
      const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
      throw new Error(`${error.message}\n${log}`);
    });
    return proxy;
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (up) return;
      if (Date.now() > deadline) throw new Error('nginx not listening within 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
