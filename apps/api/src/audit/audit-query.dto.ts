import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored for a client user: its own client always' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'message.read' })
  @IsOptional() @IsString() @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional() @IsString() @MaxLength(64)
  subjectId?: string;

  @ApiPropertyOptional({ enum: ['success', 'denied', 'failure'] })
  @IsOptional() @IsIn(['success', 'denied', 'failure'])
  outcome?: 'success' | 'denied' | 'failure';

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Inclusive' })
  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Exclusive' })
  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;

  /** Page backwards: events older than this sequence number. */
  @ApiPropertyOptional({ pattern: '^[0-9]+$', description: 'Page backwards: events older than this sequence number' })
  @IsOptional() @IsNumberString({ no_symbols: true })
  before?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}
