import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      databasePoolSize: 20,
    });
  });

  it('takes the pool size from DATABASE_POOL_SIZE, 1 to 200', () => {
    const key = { MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(loadConfig({ ...key, DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    expect(() => loadConfig({ ...key, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE: /);
    expect(() => loadConfig({ ...key, DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE: /);
  });

  it('reads TRUST_PROXY as Express does, off by default, and refuses what it cannot mean', () => {
    const key = { MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(loadConfig(key).trustProxy).toBe(false);
    expect(loadConfig({ ...key, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...key, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback,10.0.0.0/8,fd00::1');
    expect(() => loadConfig({ ...key, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be a hop count/);
    expect(() => loadConfig({ ...key, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: /);
  });

  it('outside production, generates a random JWT secret of its own beside the master key', () => {
    const home = process.cwd();
    const dirs = [mkdtempSync(join(tmpdir(), 'callvault-config-')), mkdtempSync(join(tmpdir(), 'callvault-config-'))];
    const warnings: string[] = [];
    try {
      const secrets = dirs.map((dir) => {
        process.chdir(dir);
        const config = loadConfig({}, (line) => warnings.push(line));
        expect(loadConfig({}, () => undefined).jwtSecret).toBe(config.jwtSecret); // kept across restarts
        const file = join(dir, 'data', 'jwt.secret');
        expect(readFileSync(file, 'utf8')).toBe(config.jwtSecret);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        // Not derived from the master key: nothing that reads one can compute the other.
        expect(config.jwtSecret).not.toContain(config.masterKey.toString('base64'));
        expect(config.jwtSecret.length).toBeGreaterThanOrEqual(64);
        return config.jwtSecret;
      });
      expect(secrets[0]).not.toBe(secrets[1]);
      expect(warnings.filter((w) => w.startsWith('JWT_SECRET not set'))).toHaveLength(2);
      process.chdir(dirs[0]);
      expect(loadConfig({ JWT_SECRET: 'an-operator-provided-secret-of-40-chars!!' }).jwtSecret).toBe('an-operator-provided-secret-of-40-chars!!');
    } finally {
      process.chdir(home);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
