import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_LIMITS, PHONE_PATTERN as PHONE } from '#calls';
import { IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';


/** The fields to correct; absent fields stay as saved, callerEmail null clears it. */
export class CorrectMessageDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.callerName)
  callerName?: string;

  @IsOptional() @IsString() @MaxLength(MESSAGE_LIMITS.callerPhone) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(MESSAGE_LIMITS.callerEmail)
  callerEmail?: string | null;

  @IsOptional() @IsString() @MinLength(1) @MaxLength(MESSAGE_LIMITS.body)
  body?: string;

  @IsOptional() @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @IsOptional() @IsBoolean()
  callbackRequested?: boolean;

  /** All of the answers to the client's intake fields (replaces the saved ones). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } })
  @IsOptional() @IsObject()
  customFields?: Record<string, string | number | boolean>;
}

export class CorrectedMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  callId: string;

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

  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } })
  customFields: Record<string, string | number | boolean>;

  @ApiProperty()
  instructionsVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  correctedAt: Date | null;
}
