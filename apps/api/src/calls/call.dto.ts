import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { MESSAGE_LIMITS, PHONE_PATTERN as PHONE } from '#calls';
import { IsBoolean, IsDate, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { Call } from '#calls';

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

/** The API's error body. */
export class CallErrorDto {
  @ApiProperty() statusCode: number;
  @ApiProperty() error: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'A stable code for machines' }) code?: string;
}

export class CreateMessageDto {
  @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.callerName)
  callerName: string;

  @IsString() @MaxLength(MESSAGE_LIMITS.callerPhone) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone: string;

  @IsOptional() @IsEmail() @MaxLength(MESSAGE_LIMITS.callerEmail)
  callerEmail?: string;

  @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.body)
  body: string;

  @IsOptional() @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @IsOptional() @IsBoolean()
  callbackRequested?: boolean;

  /** Answers to the client's intake fields, by field name; validated against its current instructions. */
  @IsOptional() @IsObject()
  customFields?: Record<string, string | number | boolean>;
}
