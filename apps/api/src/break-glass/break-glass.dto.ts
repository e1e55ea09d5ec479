import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BREAK_GLASS_MAX_MINUTES } from '#access';

export class OpenBreakGlassDto {
  @IsUUID()
  clientId: string;

  @IsString() @MaxLength(2000)
  reason: string;

  @IsInt() @Min(1) @Max(BREAK_GLASS_MAX_MINUTES)
  durationMinutes: number;
}
