import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { MESSAGE_LIMITS, PHONE_PATTERN as PHONE } from '#calls';
import { IsBoolean, IsDate, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { Call } from '#calls';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const CUSTOM_FIELDS: ApiPropertyOptions = {
  type: 'object',
  description: "Answers to the client's intake fields, by field name",
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
};
/** A call's caller: a number, or `withheld` (phone systems see no number for a withheld caller id). */
const CALLER_NUMBER = /^(\+?[0-9][0-9 ().-]{2,38}|withheld)$/;

/** The phone system's own call id: printable, no spaces (Asterisk's UNIQUEID, FreeSWITCH's UUID, a provider's call SID). */
const EXTERNAL_REF = /^[A-Za-z0-9._:@-]{1,200}$/;
const EXTERNAL_REF_MESSAGE = 'externalRef must be 1-200 letters, digits or . _ : @ -';

export class CreateCallDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Required for agents; with an ingest key it may be left out and, if sent, must be the key's client (else 403)" })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: '1733050000.42', description: "The phone system's own call id, unique per client: a repeat answers 200 with the first call" })
  @IsOptional() @IsString() @Matches(EXTERNAL_REF, { message: EXTERNAL_REF_MESSAGE })
  externalRef?: string;

  @ApiProperty({ maxLength: 40, example: '+447700900123', description: 'A phone number, or `withheld` when the caller hid it' })
  @IsString() @MaxLength(40) @Matches(CALLER_NUMBER, { message: 'callerNumber must be a phone number or "withheld"' })
  callerNumber: string;

  @ApiProperty({ format: 'date-time' })
  @Type(() => Date) @IsDate()
  startedAt: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'On a repeat, sets the end of a call that has none yet' })
  @IsOptional() @Type(() => Date) @IsDate()
  endedAt?: Date;
}

export class FindCallsQueryDto {
  @ApiProperty({ maxLength: 200, description: "The phone system's own call id" })
  @IsString() @Matches(EXTERNAL_REF, { message: EXTERNAL_REF_MESSAGE })
  externalRef: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Required for agents; an ingest key finds its own client's calls only" })
  @IsOptional() @IsUUID()
  clientId?: string;
}

/** A call as the capture routes answer it. */
export class CallDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, nullable: true, description: "The phone system's own call id" }) externalRef: string | null;
  @ApiProperty({ example: '+447700900123' }) callerNumber: string;
  @ApiProperty({ format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agent who logged it; null when the phone system created it' }) agentId: string | null;
  @ApiProperty({ enum: ['agent', 'ingest_key'], description: 'Who created the call' }) createdVia: 'agent' | 'ingest_key';
  @ApiProperty() instructionsVersion: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;

  static of(call: Call): CallDto {
    return {
      id: call.id,
      clientId: call.clientId,
      externalRef: call.externalRef,
      callerNumber: call.callerNumber,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      agentId: call.agentId,
      createdVia: call.ingestKeyId ? 'ingest_key' : 'agent',
      instructionsVersion: call.instructionsVersion,
      createdAt: call.createdAt,
    };
  }
}

export class CreateMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_LIMITS.callerName })
  @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.callerName)
  callerName: string;

  @ApiProperty({ maxLength: MESSAGE_LIMITS.callerPhone, pattern: PHONE.source })
  @IsString() @MaxLength(MESSAGE_LIMITS.callerPhone) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone: string;

  @ApiPropertyOptional({ format: 'email', maxLength: MESSAGE_LIMITS.callerEmail })
  @IsOptional() @IsEmail() @MaxLength(MESSAGE_LIMITS.callerEmail)
  callerEmail?: string;

  @ApiProperty({ minLength: 1, maxLength: MESSAGE_LIMITS.body })
  @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.body)
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

  @ApiDateTime({ nullable: true, description: "Read by one of the client's users" })
  readAt: Date | null;

  @ApiUuid({ nullable: true })
  readBy: string | null;

  @ApiDateTime({ nullable: true })
  actionedAt: Date | null;

  @ApiUuid({ nullable: true })
  actionedBy: string | null;

  @ApiDateTime({ nullable: true, description: 'Last corrected by its agent within the correction window' })
  correctedAt: Date | null;

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
