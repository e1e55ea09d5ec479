import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, IdentifiesCaller, Public } from '#access';
import type { Principal } from '#access';
import { RedisProbe } from '#queue';
import { ObjectStorage } from '#storage';
import { ApiPublic } from '../common/api-docs';
import { HealthDto, HealthFailureDto, HealthIndicatorDto } from './health.dto';

const TIMEOUT_MS = 2000;

class NoAnswer extends Error {}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new NoAnswer()), ms).unref())]);

/**
 * 200 when Postgres, Redis and object storage all answer; 503 otherwise. Anonymous callers learn only
 * `{status}`; a signed-in admin also sees which dependency is down, in our words: a driver's message
 * (addresses, paths, user names) never reaches a response.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly redis: RedisProbe,
  ) {}

  @Public()
  @IdentifiesCaller()
  @Get()
  @ApiOperation({ summary: 'Whether Postgres, Redis and storage answer; details only for a signed-in admin' })
  @ApiPublic()
  @ApiBearerAuth()
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency did not answer (which one: admins only)', type: HealthFailureDto })
  async check(@CurrentPrincipal() principal: Principal | undefined): Promise<HealthDto> {
    const details = principal?.kind === 'user' && principal.role === 'admin';
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.probe('postgres', () => this.dataSource.query('SELECT 1')),
        () => this.probe('redis', () => this.redis.ping()),
        () => this.probe('storage', () => this.storage.ping()),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw new ServiceUnavailableException(details ? error.getResponse() : { status: 'error' });
    }
    return details ? result : { status: result.status };
  }

  private async probe(name: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    try {
      await within(TIMEOUT_MS, ping());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof NoAnswer ? `no answer within ${TIMEOUT_MS} ms` : 'unavailable' });
    }
  }
}
