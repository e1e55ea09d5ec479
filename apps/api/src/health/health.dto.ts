import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';

/** One dependency's answer: up, or down with why. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down, in our words' })
  message?: string;
}

const BY_DEPENDENCY: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
  description: 'By dependency: postgres, redis, storage',
};

/** The details (info, error, details) are for a signed-in admin only. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status: string;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Admins only: dependencies that answer' } as ApiPropertyOptions)
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Admins only: dependencies that do not, with a reason in our words' } as ApiPropertyOptions)
  error?: Record<string, unknown>;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Admins only: info and error together' } as ApiPropertyOptions)
  details?: Record<string, unknown>;
}

/**
 * The 503 body: the error filter adds statusCode and the reason phrase as `error`; for an admin the
 * health check's own `error` (the dependencies that did not answer) replaces the phrase.
 */
export class HealthFailureDto {
  @ApiProperty({ example: 503 })
  statusCode: number;

  @ApiProperty({ enum: ['error', 'shutting_down'] })
  status: 'error' | 'shutting_down';

  @ApiProperty({
    description: "'Service Unavailable', or for an admin the dependencies that did not answer",
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' } }],
  })
  error: string | Record<string, HealthIndicatorDto>;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Admins only: dependencies that answer' } as ApiPropertyOptions)
  info?: Record<string, HealthIndicatorDto>;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Admins only: info and error together' } as ApiPropertyOptions)
  details?: Record<string, HealthIndicatorDto>;
}
