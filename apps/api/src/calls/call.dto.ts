import { Type } from 'class-transformer';
import { MESSAGE_LIMITS, PHONE_PATTERN as PHONE } from '#calls';
import { IsBoolean, IsDate, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';


export class CreateCallDto {
  @IsUUID()
  clientId: string;

  @IsString() @MaxLength(40) @Matches(PHONE, { message: 'callerNumber must be a phone number' })
  callerNumber: string;

  @Type(() => Date) @IsDate()
  startedAt: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  endedAt?: Date;
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
