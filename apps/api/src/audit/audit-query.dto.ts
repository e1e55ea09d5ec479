import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @IsUUID()
  actorId?: string;

  @IsOptional() @IsString() @MaxLength(64)
  action?: string;

  @IsOptional() @IsString() @MaxLength(64)
  subjectId?: string;

  @IsOptional() @IsIn(['success', 'denied', 'failure'])
  outcome?: 'success' | 'denied' | 'failure';

  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;

  /** Page backwards: events older than this sequence number. */
  @IsOptional() @IsNumberString({ no_symbols: true })
  before?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}
