import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BREAK_GLASS_MAX_MINUTES } from '#access';
import { ApiUuid } from '../common/api-docs';

export class OpenBreakGlassDto {
  @ApiUuid()
  @IsUUID()
  clientId: string;

  /** Shown to the client in its own audit trail: say why, without naming callers. */
  @ApiProperty({ maxLength: 2000, description: 'Why: at least 10 characters; the client sees it in its audit trail' })
  @IsString() @MaxLength(2000)
  reason: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: BREAK_GLASS_MAX_MINUTES })
  @IsInt() @Min(1) @Max(BREAK_GLASS_MAX_MINUTES)
  durationMinutes: number;
}

export class BreakGlassGrantView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  dpoId: string;

  @ApiProperty({ format: 'uuid' })
  clientId: string;

  @ApiProperty({ description: "The reason given; the client sees it in its own audit trail" })
  reason: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when closed before it expired' })
  closedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}
