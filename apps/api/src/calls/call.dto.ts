import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const PHONE = /^\+?[0-9][0-9 ().-]{2,38}$/;

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
  @IsString() @MinLength(1) @MaxLength(200)
  callerName: string;

  @IsString() @MaxLength(40) @Matches(PHONE, { message: 'callerPhone must be a phone number' })
  callerPhone: string;

  @IsOptional() @IsEmail() @MaxLength(320)
  callerEmail?: string;

  @IsString() @MinLength(1) @MaxLength(10000)
  body: string;

  @IsOptional() @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @IsOptional() @IsBoolean()
  callbackRequested?: boolean;

  /** Answers to the client's intake fields, by field name; validated against its current instructions. */
  @IsOptional() @IsObject()
  customFields?: Record<string, string | number | boolean>;
}
