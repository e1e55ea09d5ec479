import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { TrustProxyValue } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The environment as the operator writes it. Validated once at boot; nothing else reads process.env. */
export class Environment {
  @IsOptional() @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL?: string;

  /** The runtime login of the API and worker; required in production (outside it, derived and provisioned). */
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.DATABASE_APP_URL !== undefined)
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_APP_URL?: string;

  /** Connections each process keeps to Postgres as the runtime login. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  QUEUE_PREFIX?: string;

  @IsOptional() @IsIn(['local', 's3'])
  STORAGE_DRIVER?: string;

  @IsOptional() @IsString()
  STORAGE_LOCAL_DIR?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3')
  @IsUrl({ protocols: ['http', 'https'], require_tld: false })
  S3_ENDPOINT?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3') @IsString() @MinLength(1)
  S3_REGION?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3') @IsString() @MinLength(3)
  S3_BUCKET?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3') @IsString() @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3') @IsString() @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.MASTER_KEY !== undefined)
  @IsBase64()
  MASTER_KEY?: string;

  @IsOptional() @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @ValidateIf((env: Environment) => env.BOOTSTRAP_ADMIN_EMAIL !== undefined) @IsString() @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production') @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  RECORDING_MAX_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(168)
  AGENT_WINDOW_HOURS?: number;

  /** How long audit events are kept; they leave by whole sealed monthly segments. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(12) @Max(1200)
  AUDIT_RETENTION_MONTHS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  LOGIN_RATE_LIMIT_PER_MINUTE?: number;

  /** Express `trust proxy`: a hop count, `loopback`/`linklocal`/`uniquelocal`, or addresses and CIDRs, comma-separated. */
  @IsOptional() @Validate(TrustProxyValue)
  TRUST_PROXY?: string;

  /** Consecutive failed sign-ins on one account before it is locked. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_LOCKOUT_THRESHOLD?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  LOGIN_LOCKOUT_BASE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(604800)
  LOGIN_LOCKOUT_MAX_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(1440)
  PASSWORD_RESET_TTL_MINUTES?: number;

  /** Second factor for admin and DPO accounts; always on in production. */
  @IsOptional() @IsIn(['true', 'false'])
  TOTP_REQUIRED?: string;

  /** Failed attempts on one ingest key before it is refused for INGEST_KEY_BLOCK_SECONDS. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  INGEST_KEY_FAILURE_LIMIT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  INGEST_KEY_BLOCK_SECONDS?: number;

  /** Origins besides the API's own host allowed to send cookie-authenticated unsafe requests (comma-separated). */
  @IsOptional() @IsString()
  PORTAL_ORIGINS?: string;

  /** Where the built portal lives (served at /). */
  @IsOptional() @IsString() @MinLength(1)
  PORTAL_DIR?: string;

  /** Where people sign in (the portal); notices link here. */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** Email is off without it (notices stay visible through GET /notifications). */
  @IsOptional() @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  MAIL_FROM?: string;

  /** Non-urgent new messages are grouped into one notice over at most this many seconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30)
  NOTIFY_GROUP_SECONDS?: number;

  /** How often the worker looks for notices due, escalations and reminders (wall time). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  NOTIFY_SWEEP_EVERY_MS?: number;

  /** First retry delay of a failed send (doubling after each attempt). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(600000)
  NOTIFY_RETRY_DELAY_MS?: number;

  /** A webhook endpoint failing this many attempts in a row is disabled (and the admins told). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(2) @Max(10000)
  WEBHOOK_DISABLE_AFTER_FAILURES?: number;

  /** Operator notices (a webhook endpoint disabled) are emailed here as well. */
  @IsOptional() @IsEmail()
  ADMIN_ALERT_EMAIL?: string;

  /** The DPO's deadline reminders are emailed here as well. */
  @IsOptional() @IsEmail()
  DPO_EMAIL?: string;
}

/** Checks the raw environment; returns one message per bad variable, naming it. */
export function validateEnvironment(raw: Record<string, string | undefined>): { env: Environment; errors: string[] } {
  // An empty variable counts as unset, so `FOO=` in an env file means "use the default".
  const known = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, known);
  const errors = validateSync(env, { skipMissingProperties: false }).map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return `${error.property}: ${reasons}`;
  });
  return { env, errors };
}
