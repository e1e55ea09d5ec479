import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CLIENT_NOTICE_EVENTS } from '#clients';
import type { ClientNoticeEvent } from '#clients';

export class IntakeFieldDto {
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'name must be snake_case letters and digits' })
  name: string;

  @IsIn(['string', 'number', 'boolean', 'email', 'phone', 'date'])
  type: 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';

  @IsBoolean()
  required: boolean;

  /** What the agent's form shows; the name when absent. */
  @IsOptional() @IsString() @MaxLength(100)
  label?: string;
}

export class EmailRecipientDto {
  @IsEmail()
  address: string;

  @IsArray() @ArrayMinSize(1) @IsIn(CLIENT_NOTICE_EVENTS, { each: true })
  events: ClientNoticeEvent[];

  /** New messages: only urgent ones. */
  @IsOptional() @IsBoolean()
  urgentOnly?: boolean;
}

/** Who is told of what; notices carry caller content only where these say so, per channel. */
export class NotificationSettingsDto {
  /** Absent: the client's contact email hears of new messages. Empty: no email. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EmailRecipientDto)
  emailRecipients?: EmailRecipientDto[];

  @IsOptional() @IsBoolean()
  webhookIncludesContent?: boolean;

  @IsOptional() @IsBoolean()
  emailIncludesContent?: boolean;

  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) @Max(1440)
  escalationMinutes?: number | null;

  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail()
  escalationEmail?: string | null;

  @IsOptional() @IsBoolean()
  dailySummary?: boolean;
}

export class InstructionsDto {
  /** How the agent answers this client's calls. */
  @IsOptional() @IsString() @MaxLength(1000)
  greeting?: string;

  @IsOptional() @ValidateNested({ each: true }) @Type(() => IntakeFieldDto)
  intakeFields?: IntakeFieldDto[];

  @IsOptional() @IsInt() @Min(1) @Max(3650)
  recordingRetentionDays?: number;

  @IsOptional() @IsInt() @Min(1) @Max(720)
  deliveryExpiryHours?: number;

  /** Minutes a delivery sent completely waits for the client's receipt before it is consumed anyway; 0 consumes it at once. */
  @IsOptional() @IsInt() @Min(0) @Max(10080)
  receiptWindowMinutes?: number;

  @IsOptional() @IsInt() @Min(1) @Max(3650)
  callerDataRetentionDays?: number;

  @IsOptional() @IsBoolean()
  supervisorReviewAllowed?: boolean;

  @IsOptional() @IsBoolean()
  aggregateStatisticsAllowed?: boolean;

  @IsOptional() @ValidateNested() @Type(() => NotificationSettingsDto)
  notifications?: NotificationSettingsDto;
}

export class CreateClientDto {
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @IsOptional() @IsString() @MaxLength(200)
  contactName?: string;

  @IsOptional() @IsEmail()
  contactEmail?: string;

  @IsOptional() @IsString() @MaxLength(40)
  contactPhone?: string;

  @IsOptional() @ValidateNested() @Type(() => InstructionsDto)
  instructions?: InstructionsDto;
}

export class CreateIngestKeyDto {
  @IsOptional() @IsString() @MaxLength(100)
  label?: string;
}

export class TerminateClientDto {
  /** When the contract ended; now when not given. Retention runs from here. */
  @IsOptional() @Type(() => Date) @IsDate()
  endedAt?: Date;
}
