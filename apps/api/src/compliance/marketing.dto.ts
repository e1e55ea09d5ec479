import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CONSENT_CHANNELS, CONSENT_SUBJECT_TYPES } from '#compliance';
import type { ConsentChannel, ConsentSubjectType, MarketingChannel } from '#compliance';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const WITHDRAWAL_CHANNELS = ['email', 'phone', 'web_form', 'paper', 'in_person', 'unsubscribe_link'] as const;

export class CreateConsentDto {
  @ApiProperty({ enum: CONSENT_SUBJECT_TYPES })
  @IsIn(CONSENT_SUBJECT_TYPES)
  subjectType: ConsentSubjectType;

  /** For a caller: the client whose call it was. */
  @ApiPropertyOptional({ format: 'uuid', description: 'For a caller: the client whose call it was' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 320 })
  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 40 })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;

  /** The exact wording the person agreed to. */
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'The exact wording the person agreed to' })
  @IsString() @MinLength(10) @MaxLength(5000)
  wording: string;

  @ApiProperty({ enum: CONSENT_CHANNELS })
  @IsIn(CONSENT_CHANNELS)
  channel: ConsentChannel;

  /** Must be true: consent is recorded only for a positive action (an opt-in). */
  @ApiProperty({ description: 'Must be true: consent is recorded only for a positive action (an opt-in)' })
  @IsBoolean()
  positiveAction: boolean;

  /** What the person did, e.g. "ticked the unticked opt-in box". */
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'ticked the unticked opt-in box' })
  @IsString() @MinLength(3) @MaxLength(200)
  positiveActionDescription: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Defaults to now' })
  @IsOptional() @Type(() => Date) @IsDate()
  givenAt?: Date;
}

export class WithdrawConsentDto {
  @ApiProperty({ enum: WITHDRAWAL_CHANNELS })
  @IsIn(WITHDRAWAL_CHANNELS)
  channel: string;
}

export class OptOutDto {
  @ApiPropertyOptional({ format: 'email', maxLength: 320 })
  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 40 })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;

  @ApiProperty({ enum: WITHDRAWAL_CHANNELS })
  @IsIn(WITHDRAWAL_CHANNELS)
  channel: string;
}

export class MarketingExportDto {
  @ApiProperty({ enum: ['client_contacts', 'consents', 'caller_data'] })
  @IsIn(['client_contacts', 'consents', 'caller_data'])
  source: 'client_contacts' | 'consents' | 'caller_data';

  @ApiProperty({ enum: ['email', 'phone'] })
  @IsIn(['email', 'phone'])
  channel: MarketingChannel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for source caller_data' })
  @ValidateIf((dto: MarketingExportDto) => dto.source === 'caller_data') @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 10000, description: 'Required for source caller_data: each caller needs express permission on record' })
  @ValidateIf((dto: MarketingExportDto) => dto.source === 'caller_data')
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @IsUUID('all', { each: true })
  callerMessageIds?: string[];
}

/** A consent as the register shows it (the keyed lookup hashes stay inside). */
export class ConsentDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ enum: CONSENT_SUBJECT_TYPES })
  subjectType: ConsentSubjectType;

  @ApiUuid({ nullable: true })
  clientId: string | null;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty()
  wording: string;

  @ApiProperty({ enum: CONSENT_CHANNELS })
  channel: ConsentChannel;

  @ApiProperty({ description: 'What the person did to opt in' })
  positiveAction: string;

  @ApiDateTime()
  givenAt: Date;

  @ApiUuid()
  recordedBy: string;

  @ApiDateTime()
  recordedAt: Date;

  @ApiDateTime({ nullable: true })
  withdrawnAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawalChannel: string | null;
}

export class OptOutResultDto {
  @ApiProperty({ type: 'integer', description: 'Consents withdrawn' })
  withdrawn: number;

  @ApiProperty({ type: 'integer', description: 'Identifiers added to the suppression list' })
  suppressed: number;
}

export class SuppressionCountDto {
  @ApiProperty({ type: 'integer' })
  entries: number;
}

export class MarketingRecipientDto {
  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiPropertyOptional({ description: 'For channel email' })
  email?: string;

  @ApiPropertyOptional({ description: 'For channel phone' })
  phone?: string;
}

export class MarketingExclusionsDto {
  @ApiProperty({ type: 'integer', description: 'On the suppression list' })
  suppressed: number;

  @ApiProperty({ type: 'integer', description: 'Restricted by a data subject request' })
  restricted: number;

  @ApiProperty({ type: 'integer', description: 'No address for this channel' })
  noContact: number;
}

export class MarketingExportResultDto {
  @ApiProperty({ enum: ['client_contacts', 'consents', 'caller_data'] })
  source: 'client_contacts' | 'consents' | 'caller_data';

  @ApiProperty({ enum: ['email', 'phone'] })
  channel: MarketingChannel;

  @ApiProperty({ type: [MarketingRecipientDto] })
  recipients: MarketingRecipientDto[];

  @ApiProperty({ type: MarketingExclusionsDto })
  excluded: MarketingExclusionsDto;
}
