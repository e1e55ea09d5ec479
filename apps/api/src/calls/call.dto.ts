import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const PHONE = /^\+?[0-9][0-9 ().-]{2,38}$/;
const CUSTOM_FIELDS: ApiPropertyOptions = {
  type: 'object',
  description: "Answers to the client's intake fields, by field name",
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
};

export class CreateCallDto {
  @ApiUuid()
  @IsUUID()
  clientId: string;

  @ApiProperty({ maxLength: 40, pattern: PHONE.source, example: '+44 20 7946 0000' })
  @IsString() @MaxLength(40) @Matches(PHONE, { message: 'callerNumber must be a phone number' })
  callerNumber: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date) @IsDate()
  startedAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Not before startedAt' })
  @IsOptional() @Type(() => Date) @IsDate()
  endedAt?: Date;
}

export class CreateMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  callerName: string;

  @ApiProperty({ maxLength: 40, pattern: PHONE.source })
  @IsString() @MaxLength(40) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 320 })
  @IsOptional() @IsEmail() @MaxLength(320)
  callerEmail?: string;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString() @MinLength(1) @MaxLength(10000)
  body: string;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'], default: 'normal' })
  @IsOptional() @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ default: false })
  @IsOptional() @IsBoolean()
  callbackRequested?: boolean;

  /** Answers to the client's intake fields, by field name; validated against its current instructions. */
  @ApiPropertyOptional({ ...CUSTOM_FIELDS, description: "Answers to the client's intake fields, by field name; validated against its current instructions" } as ApiPropertyOptions)
  @IsOptional() @IsObject()
  customFields?: Record<string, string | number | boolean>;
}

export class CallDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiUuid({ description: 'The agent who logged it' })
  agentId: string;

  @ApiProperty()
  callerNumber: string;

  @ApiDateTime()
  startedAt: Date;

  @ApiDateTime({ nullable: true })
  endedAt: Date | null;

  @ApiProperty({ type: 'integer', description: 'The processing-instructions version in force when the call was logged' })
  instructionsVersion: number;

  @ApiDateTime()
  createdAt: Date;
}

export class CallerMessageDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiUuid()
  callId: string;

  @ApiUuid({ description: 'The agent who logged it' })
  agentId: string;

  @ApiProperty()
  callerName: string;

  @ApiProperty()
  callerPhone: string;

  @ApiProperty({ type: String, nullable: true })
  callerEmail: string | null;

  @ApiProperty()
  body: string;

  @ApiProperty({ enum: ['normal', 'urgent'] })
  urgency: 'normal' | 'urgent';

  @ApiProperty()
  callbackRequested: boolean;

  @ApiProperty(CUSTOM_FIELDS)
  customFields: Record<string, string | number | boolean>;

  @ApiProperty({ type: 'integer' })
  instructionsVersion: number;

  @ApiUuid({ nullable: true, description: 'The delivery that carried this message to the client, once one has' })
  deliveryId: string | null;

  @ApiDateTime({ nullable: true })
  deliveredAt: Date | null;

  @ApiDateTime()
  createdAt: Date;
}

export class IngestedRecordingDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  callId: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: ['stored'] })
  status: 'stored';

  @ApiProperty({ example: 'audio/wav', description: 'The type its leading bytes showed' })
  contentType: string;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'Bytes of audio received' })
  size: number;

  @ApiProperty({ description: 'SHA-256 of the audio received, hex' })
  sha256: string;

  @ApiDateTime()
  storedAt: Date;

  @ApiDateTime({ description: 'Deleted at this time if never delivered' })
  retainUntil: Date;
}
