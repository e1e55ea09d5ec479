import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { Environment, validateEnvironment } from './environment';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export type StorageConfig =
  | { driver: 'local'; localDir: string }
  | {
      driver: 's3';
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
    };

/** Typed configuration. Injected by class token; built once from the environment at boot. */
export class AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** The owner: creates the database and runs migrations (DATABASE_URL). */
  databaseUrl: string;
  /** The API's and worker's own login, which owns nothing and bypasses nothing (DATABASE_APP_URL). */
  databaseAppUrl: string;
  /**
   * Connections per process (DATABASE_POOL_SIZE, default 20). Fewer contend less in the database (see
   * docs/operations.md), but a request that holds its connection across several round trips then
   * waits for one: measured here, 10 slowed the bare one-insert transaction of bench:api by ~10 %.
   */
  databasePoolSize: number;
  redisUrl: string;
  queuePrefix: string;
  storage: StorageConfig;
  /** 32 bytes; protects every client's key-encryption key. */
  masterKey: Buffer;
  bootstrapAdmin?: { email: string; password: string };
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  logLevel: string;
  recordingMaxBytes: number;
  agentWindowHours: number;
  auditRetentionMonths: number;
  loginRateLimitPerMinute: number;
  /** Express `trust proxy`: which hops may name the client's address in X-Forwarded-For. */
  trustProxy: TrustProxy;
  loginLockout: { threshold: number; baseSeconds: number; maxSeconds: number };
  passwordResetTtlMinutes: number;
  /** Admins and the DPO must sign in with a second factor (always in production). */
  totpRequired: boolean;
  ingestKeyFailureLimit: number;
  ingestKeyBlockSeconds: number;
  /** Extra origins (scheme://host[:port]) allowed to send cookie-authenticated unsafe requests. */
  portalOrigins: string[];
  /** The built portal's directory. */
  portalDir: string;
  notifications: NotificationConfig;
}

export interface NotificationConfig {
  /** The portal's address, without a trailing slash. */
  publicUrl: string;
  /** Undefined: email is off. */
  smtpUrl?: string;
  mailFrom: string;
  groupWindowMs: number;
  sweepEveryMs: number;
  retryDelayMs: number;
  disableWebhookAfterFailures: number;
  adminEmail?: string;
  dpoEmail?: string;
  /** Plain-http webhook URLs on loopback addresses (development and tests only). */
  allowLoopbackHttp: boolean;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const DATA_DIR = './data';

/** Reads MASTER_KEY, or outside production generates one into ./data/master.key (with a warning). */
function resolveMasterKey(env: Environment, warn: (line: string) => void): Buffer {
  if (env.MASTER_KEY) {
    const key = Buffer.from(env.MASTER_KEY, 'base64');
    if (key.length !== 32) throw new ConfigurationError(['MASTER_KEY: must be 32 bytes, base64-encoded']);
    return key;
  }
  const file = resolve(DATA_DIR, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    warn(`MASTER_KEY not set: generated ${file}. Back it up; set MASTER_KEY in production.`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigurationError([`MASTER_KEY: ${file} does not hold 32 base64 bytes`]);
  return key;
}

/**
 * The runtime login's URL: DATABASE_APP_URL, or outside production the owner URL with the database's
 * own role (`<database>_runtime`) and a password generated into ./data beside the master key. The owner
 * provisions that login at start (libs/database, prepareDatabase).
 */
function resolveDatabaseAppUrl(env: Environment, ownerUrl: string, warn: (line: string) => void): string {
  if (env.DATABASE_APP_URL) return env.DATABASE_APP_URL;
  const url = new URL(ownerUrl);
  const database = databaseName(ownerUrl);
  const file = resolve(DATA_DIR, `${database.replace(/[^A-Za-z0-9_.-]/g, '_')}.app-password`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
      warn(`DATABASE_APP_URL not set: the API and worker log in as ${appRoleName(database)} with a password generated into ${file}.`);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error; // a sibling process wrote it first
    }
  }
  url.username = encodeURIComponent(appRoleName(database));
  url.password = encodeURIComponent(readFileSync(file, 'utf8').trim());
  return url.toString();
}

/** The database a Postgres URL names. */
export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

/**
 * The per-database role the application's privileges are granted to (and, by default, its login).
 * Roles are cluster-wide, so the name carries the database's: installs sharing a cluster never share it.
 * Postgres truncates names at 63 bytes; the suffix must survive. Not `_app`: for the default database,
 * `callvault`, that is the old cluster-wide role's name.
 */
export const appRoleName = (database: string) => `${Buffer.from(database).subarray(0, 55).toString().replace(/\uFFFD$/, '')}_runtime`;

/**
 * Outside production without JWT_SECRET: a random secret of its own in ./data/jwt.secret, beside the
 * master key, so tokens survive restarts and nothing that reads one key can forge with the other.
 */
function resolveJwtSecret(env: Environment, warn: (line: string) => void): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = resolve(DATA_DIR, 'jwt.secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      warn(`JWT_SECRET not set: generated ${file}. Set JWT_SECRET in production.`);
    } catch (error) {
      // Another process started at the same moment and wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigurationError([`JWT_SECRET: ${file} holds fewer than 32 characters`]);
  return secret;
}

export function loadConfig(
  raw: Record<string, string | undefined> = process.env,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): AppConfig {
  const { env, errors } = validateEnvironment(raw);
  if (errors.length) throw new ConfigurationError(errors);
  const config = new AppConfig();
  config.nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  config.port = env.PORT ?? 3000;
  config.databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/callvault';
  config.databaseAppUrl = resolveDatabaseAppUrl(env, config.databaseUrl, warn);
  config.databasePoolSize = env.DATABASE_POOL_SIZE ?? 20;
  config.redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  config.queuePrefix = env.QUEUE_PREFIX ?? 'callvault';
  config.storage =
    env.STORAGE_DRIVER === 's3'
      ? {
          driver: 's3',
          endpoint: env.S3_ENDPOINT!,
          region: env.S3_REGION!,
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        }
      : { driver: 'local', localDir: resolve(env.STORAGE_LOCAL_DIR ?? `${DATA_DIR}/objects`) };
  config.masterKey = resolveMasterKey(env, warn);
  config.bootstrapAdmin = env.BOOTSTRAP_ADMIN_EMAIL
    ? { email: env.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: env.BOOTSTRAP_ADMIN_PASSWORD! }
    : undefined;
  config.jwtSecret = resolveJwtSecret(env, warn);
  config.accessTokenTtlSeconds = env.ACCESS_TOKEN_TTL_SECONDS ?? 900;
  config.logLevel = env.LOG_LEVEL ?? (config.nodeEnv === 'test' ? 'warn' : 'info');
  config.recordingMaxBytes = env.RECORDING_MAX_BYTES ?? 2 * 1024 ** 3;
  config.agentWindowHours = env.AGENT_WINDOW_HOURS ?? 12;
  config.auditRetentionMonths = env.AUDIT_RETENTION_MONTHS ?? 84;
  config.loginRateLimitPerMinute = env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10;
  config.trustProxy = parseTrustProxy(env.TRUST_PROXY);
  config.loginLockout = {
    threshold: env.LOGIN_LOCKOUT_THRESHOLD ?? 5,
    baseSeconds: env.LOGIN_LOCKOUT_BASE_SECONDS ?? 60,
    maxSeconds: Math.max(env.LOGIN_LOCKOUT_MAX_SECONDS ?? 3600, env.LOGIN_LOCKOUT_BASE_SECONDS ?? 60),
  };
  config.passwordResetTtlMinutes = env.PASSWORD_RESET_TTL_MINUTES ?? 30;
  config.totpRequired = config.nodeEnv === 'production' || env.TOTP_REQUIRED === 'true';
  config.ingestKeyFailureLimit = env.INGEST_KEY_FAILURE_LIMIT ?? 10;
  config.ingestKeyBlockSeconds = env.INGEST_KEY_BLOCK_SECONDS ?? 300;
  config.portalOrigins = (env.PORTAL_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  config.portalDir = resolve(env.PORTAL_DIR ?? 'apps/web/dist');
  config.notifications = {
    publicUrl: (env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'CallVault <notifications@localhost>',
    groupWindowMs: (env.NOTIFY_GROUP_SECONDS ?? 30) * 1000,
    sweepEveryMs: env.NOTIFY_SWEEP_EVERY_MS ?? 2000,
    retryDelayMs: env.NOTIFY_RETRY_DELAY_MS ?? 1000,
    disableWebhookAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES ?? 20,
    adminEmail: env.ADMIN_ALERT_EMAIL,
    dpoEmail: env.DPO_EMAIL,
    allowLoopbackHttp: config.nodeEnv !== 'production',
  };
  return config;
}

/**
 * Entry points call this first: a bad environment prints one line per variable and exits non-zero
 * before anything connects anywhere.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
