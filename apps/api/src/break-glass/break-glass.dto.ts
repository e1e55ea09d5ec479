import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BREAK_GLASS_MAX_MINUTES } from '#access';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

export class OpenBreakGlassDto {
  @ApiUuid()
  @IsUUID()
  clientId: string;

  @ApiProperty({ maxLength: 2000, description: 'Why: at least 10 characters; the client sees it in its audit trail' })
  @IsString() @MaxLength(2000)
  reason: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: BREAK_GLASS_MAX_MINUTES })
  @IsInt() @Min(1) @Max(BREAK_GLASS_MAX_MINUTES)
  durationMinutes: number;
}

export class BreakGlassGrantDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  dpoId: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty()
  reason: string;

  @ApiDateTime()
  expiresAt: Date;

  @ApiDateTime()
  createdAt: Date;
}
