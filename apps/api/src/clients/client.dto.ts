import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CLIENT_NOTICE_EVENTS } from '#clients';
import type { ClientNoticeEvent } from '#clients';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const FIELD_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'date'];

export class IntakeFieldDto {
  @ApiProperty({ pattern: '^[a-z][a-z0-9_]{0,62}$', example: 'account_number' })
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'name must be snake_case letters and digits' })
  name: string;

  @ApiProperty({ enum: FIELD_TYPES })
  @IsIn(FIELD_TYPES)
  type: 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  /** What the agent's form shows; the name when absent. */
  @ApiPropertyOptional({ maxLength: 100, description: "What the agent's form shows; the name when absent" })
  @IsOptional() @IsString() @MaxLength(100)
  label?: string;
}

export class EmailRecipientDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  address: string;

  @ApiProperty({ enum: CLIENT_NOTICE_EVENTS, isArray: true, minItems: 1, description: 'The client events this address receives (delivery.ready makes it a delivery contact)' })
  @IsArray() @ArrayMinSize(1) @IsIn(CLIENT_NOTICE_EVENTS, { each: true })
  events: ClientNoticeEvent[];

  /** New messages: only urgent ones. */
  @ApiPropertyOptional({ default: false, description: 'For message.new: only urgent messages' })
  @IsOptional() @IsBoolean()
  urgentOnly?: boolean;
}

/** Who is told of what; notices carry caller content only where these say so, per channel. */
export class NotificationSettingsDto {
  /** Absent: the client's contact email hears of new messages. Empty: no email. */
  @ApiPropertyOptional({ type: [EmailRecipientDto], maxItems: 20, description: "Absent: the client's contact email hears of new messages. Empty: no email" })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EmailRecipientDto)
  emailRecipients?: EmailRecipientDto[];

  @ApiPropertyOptional({ default: false, description: 'message.new and message.escalation webhooks carry the messages (caller name, number, email, text)' })
  @IsOptional() @IsBoolean()
  webhookIncludesContent?: boolean;

  @ApiPropertyOptional({ default: false, description: 'The same for email' })
  @IsOptional() @IsBoolean()
  emailIncludesContent?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1440, nullable: true, description: 'An urgent message unread this long is notified again, every interval until read; null: no escalation' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) @Max(1440)
  escalationMinutes?: number | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, description: 'From the second escalation on, also this address' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail()
  escalationEmail?: string | null;

  @ApiPropertyOptional({ default: false, description: "Yesterday's counts (no content) once a day to the new-message recipients" })
  @IsOptional() @IsBoolean()
  dailySummary?: boolean;
}

export class InstructionsDto {
  @ApiPropertyOptional({ maxLength: 1000, description: "How the agent answers this client's calls" })
  /** How the agent answers this client's calls. */
  @IsOptional() @IsString() @MaxLength(1000)
  greeting?: string;

  @ApiPropertyOptional({ type: [IntakeFieldDto] })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => IntakeFieldDto)
  intakeFields?: IntakeFieldDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  recordingRetentionDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720 })
  @IsOptional() @IsInt() @Min(1) @Max(720)
  deliveryExpiryHours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10080, description: "Minutes a completely sent delivery waits for the client's receipt; 0 consumes it at once" })
  /** Minutes a delivery sent completely waits for the client's receipt before it is consumed anyway; 0 consumes it at once. */
  @IsOptional() @IsInt() @Min(0) @Max(10080)
  receiptWindowMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  callerDataRetentionDays?: number;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  supervisorReviewAllowed?: boolean;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  aggregateStatisticsAllowed?: boolean;

  @ApiPropertyOptional({ type: NotificationSettingsDto, description: 'Who is told of what (docs/notifications.md); replaces the previous settings as a whole' })
  @IsOptional() @ValidateNested() @Type(() => NotificationSettingsDto)
  notifications?: NotificationSettingsDto;
}

export class CreateClientDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  contactName?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional() @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional() @IsString() @MaxLength(40)
  contactPhone?: string;

  @ApiPropertyOptional({ type: InstructionsDto, description: 'Version 1 of its processing instructions; defaults where left out' })
  @IsOptional() @ValidateNested() @Type(() => InstructionsDto)
  instructions?: InstructionsDto;
}

export class CreateIngestKeyDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  label?: string;
}

export class TerminateClientDto {
  /** When the contract ended; now when not given. Retention runs from here. */
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the contract ended (not in the future); now when not given' })
  @IsOptional() @Type(() => Date) @IsDate()
  endedAt?: Date;
}

export class ClientDto {
  @ApiUuid()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['active', 'terminated'] })
  status: 'active' | 'terminated';

  @ApiProperty({ type: String, nullable: true })
  contactName: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactEmail: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiDateTime({ nullable: true })
  contractEndedAt: Date | null;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime()
  updatedAt: Date;
}

/** One version of a client's processing instructions; versions are never edited. */
export class ProcessingInstructionsDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ type: [IntakeFieldDto] })
  intakeFields: IntakeFieldDto[];

  @ApiProperty({ type: 'integer', description: 'Recordings never downloaded are deleted after this many days' })
  recordingRetentionDays: number;

  @ApiProperty({ type: 'integer' })
  deliveryExpiryHours: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: "How the agent answers this client's calls" })
  greeting?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: "Minutes a completely sent delivery waits for the client's receipt; 0 consumes it at once" })
  receiptWindowMinutes?: number;

  @ApiPropertyOptional({ type: NotificationSettingsDto, nullable: true, description: 'Who is told of what (see docs/notifications.md); null: the defaults' })
  notifications?: NotificationSettingsDto | null;

  @ApiProperty({ type: 'integer', description: "Caller data of a terminated client is erased this many days after the contract's end" })
  callerDataRetentionDays: number;

  @ApiProperty()
  supervisorReviewAllowed: boolean;

  @ApiProperty()
  aggregateStatisticsAllowed: boolean;

  @ApiUuid({ nullable: true, description: 'The user who issued this version' })
  createdBy: string | null;

  @ApiDateTime()
  createdAt: Date;
}

export class CreatedClientDto extends ClientDto {
  @ApiProperty({ type: ProcessingInstructionsDto })
  instructions: ProcessingInstructionsDto;
}

export class IssuedIngestKeyDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ description: 'The key for the X-Ingest-Key header, shown this once', example: 'cvik_<32 hex>_<43 base64url>' })
  key: string;
}

export class IngestKeyDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ type: String, nullable: true })
  label: string | null;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime({ nullable: true })
  revokedAt: Date | null;

  @ApiDateTime({ nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: 'integer', description: 'Wrong secrets presented for this key id in the current window' })
  failedAttempts: number;

  @ApiDateTime({ nullable: true, description: 'When the current window of counted failures began' })
  failureWindowStartedAt: Date | null;

  @ApiDateTime({ nullable: true, description: 'Refused until then after too many wrong secrets (issue a new key and revoke this one)' })
  blockedUntil: Date | null;
}
