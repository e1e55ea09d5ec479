import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const DELIVERY_STATUSES = ['open', 'consumed', 'expired', 'locked'];

/** Chosen items, all of one client; with none, everything of the client not yet delivered. */
export class CreateDeliveryDto {
  /** Required for an admin; a client user may leave it out (its own client). */
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for an admin; a client user may leave it out (its own client)' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000, description: 'With neither list, everything of the client not yet delivered' })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  recordingIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000 })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  messageIds?: string[];
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for an admin' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class DeliveryClientQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for an admin' })
  @IsOptional() @IsUUID()
  clientId?: string;
}

/** The answer to a creation: the one-time password is in it this once and never again. */
export class CreatedDeliveryDto {
  @ApiUuid({ description: 'Also the user name for the download (HTTP Basic)' })
  id: string;

  @ApiProperty({ description: 'The one-time password: shown this once, stored only as a slow hash' })
  password: string;

  @ApiDateTime()
  expiresAt: Date;

  @ApiProperty({ example: '/deliveries/3f0c…/download', description: 'Path of the download, relative to the API' })
  downloadUrl: string;

  @ApiProperty({ type: 'integer' })
  recordingCount: number;

  @ApiProperty({ type: 'integer' })
  messageCount: number;
}

/** A delivery's state and counts; never the credential. */
export class DeliveryDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: 'open' | 'consumed' | 'expired' | 'locked';

  @ApiProperty({ type: 'integer' })
  recordingCount: number;

  @ApiProperty({ type: 'integer' })
  messageCount: number;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime()
  expiresAt: Date;

  @ApiProperty({ type: 'integer', description: 'Wrong passwords so far; the delivery locks after 5' })
  failedAttempts: number;

  @ApiDateTime({ nullable: true })
  consumedAt: Date | null;

  @ApiDateTime({ nullable: true })
  closedAt: Date | null;

  @ApiProperty({ description: 'Path of the download, relative to the API' })
  downloadUrl: string;
}
