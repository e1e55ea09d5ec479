import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';

/** One dependency's answer: up, or down with why. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down' })
  message?: string;
}

const BY_DEPENDENCY: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
  description: 'By dependency: postgres, redis, storage',
};

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ ...BY_DEPENDENCY, description: 'The dependencies that answered' } as ApiPropertyOptions)
  info: Record<string, HealthIndicatorDto>;

  @ApiProperty({ ...BY_DEPENDENCY, description: 'Empty when healthy' } as ApiPropertyOptions)
  error: Record<string, HealthIndicatorDto>;

  @ApiProperty(BY_DEPENDENCY)
  details: Record<string, HealthIndicatorDto>;
}

/** The 503 body: the error filter adds statusCode; `error` names the dependencies that did not answer. */
export class HealthFailureDto {
  @ApiProperty({ example: 503 })
  statusCode: number;

  @ApiProperty({ enum: ['error', 'shutting_down'] })
  status: 'error' | 'shutting_down';

  @ApiProperty({ ...BY_DEPENDENCY, description: 'The dependencies that answered' } as ApiPropertyOptions)
  info: Record<string, HealthIndicatorDto>;

  @ApiProperty({ ...BY_DEPENDENCY, description: 'The dependencies that did not answer' } as ApiPropertyOptions)
  error: Record<string, HealthIndicatorDto>;

  @ApiProperty(BY_DEPENDENCY)
  details: Record<string, HealthIndicatorDto>;
}
