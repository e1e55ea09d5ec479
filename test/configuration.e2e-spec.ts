import { spawnSync } from 'node:child_process';
import { loadConfig } from '#config';

const startApiWith = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['-C', 'development', '-r', 'ts-node/register/transpile-only', 'apps/api/src/main.ts'], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('configuration', () => {
  it('stops the process with a non-zero exit and one line per bad variable', () => {
    const run = startApiWith({ PORT: 'eighty', STORAGE_DRIVER: 's3', S3_BUCKET: 'callvault' });
    expect(run.status).toBe(78);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(run.stderr).toMatch(/^ {2}PORT: /m);
    expect(run.stderr).toMatch(/^ {2}S3_ENDPOINT: /m);
    expect(run.stderr).toMatch(/^ {2}S3_ACCESS_KEY_ID: /m);
    expect(run.stderr).not.toMatch(/^ {2}S3_BUCKET: /m);
  });

  it('requires MASTER_KEY and JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MASTER_KEY: [\s\S]*JWT_SECRET: /);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => loadConfig({ MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow('MASTER_KEY: must be 32 bytes');
  });

  it('applies the documented defaults', () => {
    const config = loadConfig({ MASTER_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/callvault',
      redisUrl: 'redis://127.0.0.1:6379',
      storage: { driver: 'local', localDir: expect.stringMatching(/data\/objects$/) },
    });
  });
});
