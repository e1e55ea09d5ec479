import { Type } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Chosen items, all of one client; with none, everything of the client not yet delivered. */
export class CreateDeliveryDto {
  /** Required for an admin; a client user may leave it out (its own client). */
  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  recordingIds?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  messageIds?: string[];
}

export class DeliveryQueryDto {
  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class DeliveryClientQueryDto {
  @IsOptional() @IsUUID()
  clientId?: string;
}

/** The portal's download form: the delivery's one-time password (the id is in the path). */
export class DownloadFormDto {
  @ApiProperty({ description: 'The one-time password shown when the delivery was created' })
  @IsString() @MaxLength(200)
  password: string;
}
