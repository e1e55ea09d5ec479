import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { AppConfig, appRoleName, loadConfig } from '#config';
import { dropDatabase } from '#database';
import { prepareDatabaseForStart } from '#platform';

export const ADMIN = { email: 'admin@callvault.test', password: 'admin-password-for-tests' };

export interface TestEnvironment {
  config: AppConfig;
  env: Record<string, string>;
  /** Drops the database and its role, the object directory and the run's Redis keys. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database (and Redis key prefix, and storage directory) for one test suite, so
 * suites and concurrent runs never see each other.
 */
export async function createTestEnvironment(overrides: Record<string, string> = {}): Promise<TestEnvironment> {
  const name = `callvault_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'callvault-objects-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
    // The suite's own runtime login: the database's role, unique to the run, dropped with the database.
    DATABASE_APP_URL: `postgres://${appRoleName(name)}:${randomBytes(12).toString('hex')}@127.0.0.1:5432/${name}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    STORAGE_DRIVER: 'local',
    STORAGE_LOCAL_DIR: storageDir,
    MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...overrides,
  };
  const config = loadConfig(env);
  await prepareDatabaseForStart(config);
  return {
    config,
    env,
    async destroy() {
      await dropDatabase(config.databaseUrl);
      rmSync(storageDir, { recursive: true, force: true });
      await deleteRedisKeys(config.redisUrl, config.queuePrefix);
    },
  };
}

/** Deletes every key under `prefix` (a suite's or a run's own), never anything else on the shared Redis. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis may be deliberately down in fault tests; its keys die with that server.
  } finally {
    redis.disconnect();
  }
}
