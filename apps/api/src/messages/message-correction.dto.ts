import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

const PHONE = /^\+?[0-9][0-9 ().-]{2,38}$/;

/** The fields to correct; absent fields stay as saved, callerEmail null clears it. */
export class CorrectMessageDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  callerName?: string;

  @IsOptional() @IsString() @MaxLength(40) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(320)
  callerEmail?: string | null;

  @IsOptional() @IsString() @MinLength(1) @MaxLength(10000)
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
