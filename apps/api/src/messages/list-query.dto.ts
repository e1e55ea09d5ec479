import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Newest first; page with `before` = the id of the last item received. */
export class ListQueryDto {
  /** Required for operator roles other than agents; a client user may leave it out. */
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for operator roles other than agents; a client user may leave it out' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Page on: the id of the last item of the previous page' })
  @IsOptional() @IsUUID()
  before?: string;
}
