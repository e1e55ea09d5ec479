import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '#access';
import { RedisProbe } from '#queue';
import { ObjectStorage } from '#storage';
import { ApiPublic } from '../common/api-docs';
import { HealthDto, HealthFailureDto, HealthIndicatorDto } from './health.dto';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** 200 when Postgres, Redis and object storage all answer; 503 naming the one that does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly storage: ObjectStorage,
    private readonly redis: RedisProbe,
  ) {}

  @Public()
  @Get()
  // Documented below with the real 503 body (the error filter adds statusCode to it).
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Whether Postgres, Redis and object storage all answer' })
  @ApiPublic()
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency did not answer: error names it', type: HealthFailureDto })
  check() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2000 }),
      () => this.probe('redis', () => this.redis.ping()),
      () => this.probe('storage', () => this.storage.ping()),
    ]);
  }

  private async probe(name: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    try {
      await within(2000, ping());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unavailable' });
    }
  }
}
