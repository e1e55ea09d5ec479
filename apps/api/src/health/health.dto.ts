import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status: string;

  @ApiPropertyOptional({ description: 'Admins only: dependencies that answer', type: 'object', additionalProperties: true })
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Admins only: dependencies that do not, with a reason in our words', type: 'object', additionalProperties: true })
  error?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Admins only: info and error together', type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}
