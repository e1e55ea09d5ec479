import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { Environment, validateEnvironment } from './environment';

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
  databaseUrl: string;
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

/** Development-only signing secret kept beside the master key, so tokens survive restarts. */
function resolveJwtSecret(env: Environment, masterKey: Buffer): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  return `dev:${masterKey.toString('base64')}:jwt`;
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
  config.jwtSecret = resolveJwtSecret(env, config.masterKey);
  config.accessTokenTtlSeconds = env.ACCESS_TOKEN_TTL_SECONDS ?? 900;
  config.logLevel = env.LOG_LEVEL ?? (config.nodeEnv === 'test' ? 'warn' : 'info');
  config.recordingMaxBytes = env.RECORDING_MAX_BYTES ?? 2 * 1024 ** 3;
  config.agentWindowHours = env.AGENT_WINDOW_HOURS ?? 12;
  config.auditRetentionMonths = env.AUDIT_RETENTION_MONTHS ?? 84;
  config.loginRateLimitPerMinute = env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10;
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
