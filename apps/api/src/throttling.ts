import { ExecutionContext, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Response } from 'express';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AppConfig } from '#config';

/**
 * Throttler counters in Redis, so every API process counts the same attempts. If Redis does not
 * answer, counting falls back to this process alone (logged) rather than refusing every sign-in:
 * the per-account lockout lives in Postgres and still holds.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('Throttling');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();

  constructor(config: AppConfig) {
    // Connects on the first count, not when the module is declared: building the route graph alone (the
    // OpenAPI document, `preview` mode) runs no shutdown hook, and an open socket would keep it alive.
    this.redis = new Redis(config.redisUrl, { keyPrefix: `${config.queuePrefix}:throttle:`, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
    this.redis.on('error', () => undefined); // reported per request below, not once per reconnect attempt
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch {
      this.logger.warn('Redis did not answer: throttling counts in this process only');
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect();
  }
}

/** The sign-in limit per client address (LOGIN_RATE_LIMIT_PER_MINUTE), shared by every API process. */
export const throttling = (config: AppConfig) =>
  ThrottlerModule.forRoot({
    throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
    storage: new SharedThrottlerStorage(config),
  });

/**
 * The sign-in limit's guard. The library names its header after the throttler (Retry-After-login);
 * clients and proxies know only the standard Retry-After, so the refusal carries that one too.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    return super.throwThrottlingException(context, detail);
  }
}
