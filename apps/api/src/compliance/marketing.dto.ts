import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CONSENT_CHANNELS, CONSENT_SUBJECT_TYPES } from '#compliance';
import type { ConsentChannel, ConsentSubjectType, MarketingChannel } from '#compliance';

const WITHDRAWAL_CHANNELS = ['email', 'phone', 'web_form', 'paper', 'in_person', 'unsubscribe_link'] as const;

export class CreateConsentDto {
  @IsIn(CONSENT_SUBJECT_TYPES)
  subjectType: ConsentSubjectType;

  /** For a caller: the client whose call it was. */
  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @IsString() @MaxLength(200)
  name?: string;

  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;

  /** The exact wording the person agreed to. */
  @IsString() @MinLength(10) @MaxLength(5000)
  wording: string;

  @IsIn(CONSENT_CHANNELS)
  channel: ConsentChannel;

  /** Must be true: consent is recorded only for a positive action (an opt-in). */
  @IsBoolean()
  positiveAction: boolean;

  /** What the person did, e.g. "ticked the unticked opt-in box". */
  @IsString() @MinLength(3) @MaxLength(200)
  positiveActionDescription: string;

  @IsOptional() @Type(() => Date) @IsDate()
  givenAt?: Date;
}

export class WithdrawConsentDto {
  @IsIn(WITHDRAWAL_CHANNELS)
  channel: string;
}

export class OptOutDto {
  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;

  @IsIn(WITHDRAWAL_CHANNELS)
  channel: string;
}

export class MarketingExportDto {
  @IsIn(['client_contacts', 'consents', 'caller_data'])
  source: 'client_contacts' | 'consents' | 'caller_data';

  @IsIn(['email', 'phone'])
  channel: MarketingChannel;

  @ValidateIf((dto: MarketingExportDto) => dto.source === 'caller_data') @IsUUID()
  clientId?: string;

  @ValidateIf((dto: MarketingExportDto) => dto.source === 'caller_data')
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @IsUUID('all', { each: true })
  callerMessageIds?: string[];
}
