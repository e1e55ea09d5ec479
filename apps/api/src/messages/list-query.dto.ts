import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Newest first; page with `before` = the id of the last item received. */
export class ListQueryDto {
  /** Required for operator roles other than agents; a client user may leave it out. */
  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @IsUUID()
  before?: string;
}
