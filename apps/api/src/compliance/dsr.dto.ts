import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PURPOSES } from '#audit';
import type { Purpose } from '#audit';
import { CLIENT_INSTRUCTIONS, DSR_ACTIONS, DSR_SOURCES, DSR_TYPES, VERIFICATION_METHODS } from '#compliance';
import type { ClientInstruction, DsrActionName, DsrSource, DsrStatus, DsrType, VerificationMethod } from '#compliance';
import { ApiDateTime, ApiUuid } from '../common/api-docs';
import { CreatedDeliveryDto } from '../deliveries/delivery.dto';

const DSR_STATUSES = ['received', 'in_progress', 'completed', 'refused'];
const FORWARD_STATUSES = ['awaiting_client', 'answered', 'closed'];
const RECORD_KINDS = ['user', 'client_contact', 'marketing_consent', 'caller_message', 'call', 'recording'];

export class PersonDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 320 })
  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 40 })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;
}

export class CreateDsrDto {
  @ApiProperty({ enum: DSR_TYPES })
  @IsIn(DSR_TYPES)
  type: DsrType;

  @ApiPropertyOptional({ enum: DSR_SOURCES, default: 'data_subject' })
  @IsOptional() @IsIn(DSR_SOURCES)
  source?: DsrSource;

  /** The identifiers the person gave: at least one of name, email, phone. */
  @ApiProperty({ type: PersonDto, description: 'The identifiers the person gave: at least one of name, email, phone' })
  @ValidateNested() @Type(() => PersonDto)
  subject: PersonDto;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  details?: string;

  /** For rectification: the corrected values. */
  @ApiPropertyOptional({ type: PersonDto, description: 'For rectification: the corrected values' })
  @IsOptional() @ValidateNested() @Type(() => PersonDto)
  rectification?: PersonDto;

  /** For objection: the purposes objected to (marketing when not given). */
  @ApiPropertyOptional({ enum: PURPOSES, isArray: true, description: 'For objection: the purposes objected to (marketing when not given)' })
  @IsOptional() @IsArray() @IsIn(PURPOSES, { each: true })
  objectionPurposes?: Purpose[];

  @ApiPropertyOptional({ enum: VERIFICATION_METHODS, default: 'not_verified' })
  @IsOptional() @IsIn(VERIFICATION_METHODS)
  verificationMethod?: VerificationMethod;

  /** When the request reached the operator; deadlines run from here. Defaults to now. */
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the request reached the operator; deadlines run from here. Defaults to now' })
  @IsOptional() @Type(() => Date) @IsDate()
  receivedAt?: Date;
}

export class DsrActionDto {
  /** DPO: verify_identity, start, extend, erase, rectify, restrict, complete, refuse. Client: erase, export, rectify, restrict, refuse. */
  @ApiProperty({
    enum: DSR_ACTIONS,
    description: 'DPO: verify_identity, start, extend, erase, rectify, restrict, complete, refuse. Client: erase, export, rectify, restrict, refuse',
  })
  @IsIn(DSR_ACTIONS)
  action: DsrActionName;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 2, description: 'For extend' })
  @IsOptional() @IsInt() @Min(1) @Max(2)
  months?: number;

  @ApiPropertyOptional({ enum: VERIFICATION_METHODS, description: 'For verify_identity' })
  @IsOptional() @IsIn(VERIFICATION_METHODS)
  method?: VerificationMethod;

  @ApiPropertyOptional({ type: PersonDto })
  @IsOptional() @ValidateNested() @Type(() => PersonDto)
  rectification?: PersonDto;
}

export class DsrListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'all'], default: 'open' })
  @IsOptional() @IsIn(['open', 'closed', 'all'])
  status?: 'open' | 'closed' | 'all';
}

export class DsrSubjectDto {
  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
}

export class RecordMatchDto {
  @ApiProperty({ enum: RECORD_KINDS })
  kind: string;

  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['name', 'email', 'phone', 'call'], isArray: true })
  matchedOn: string[];
}

export class RetentionHoldDto {
  @ApiProperty({ enum: ['invoicing', 'evidence_of_service', 'contract', 'legal_obligation', 'suppression'] })
  basis: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: String, nullable: true, description: 'When the hold ends, if known' })
  until: string | null;
}

export class RecordOutcomeDto {
  @ApiProperty({ enum: [...RECORD_KINDS, 'suppression_entry'] })
  kind: string;

  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['erased', 'anonymised', 'kept', 'rectified', 'unchanged', 'restricted', 'exported', 'not_found'] })
  outcome: string;

  @ApiPropertyOptional({ type: RetentionHoldDto, description: 'Set exactly when the record (or part of it) was kept' })
  hold?: RetentionHoldDto;

  @ApiPropertyOptional()
  note?: string;
}

export class OperationReportDto {
  @ApiProperty({ enum: ['erase', 'rectify', 'restrict', 'export', 'refuse'] })
  operation: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Who did it (a user id)' })
  by: string;

  @ApiProperty({ type: [RecordOutcomeDto] })
  records: RecordOutcomeDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Counts by outcome' })
  summary: Record<string, number>;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "For a client's export: the one-time delivery that carries the messages and recordings" })
  deliveryId?: string;
}

export class DsrVerificationDto {
  @ApiProperty({ enum: VERIFICATION_METHODS })
  method: VerificationMethod;

  @ApiDateTime({ nullable: true })
  verifiedAt: Date | null;
}

export class DsrExtensionDto {
  @ApiProperty({ type: 'integer' })
  months: number;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiDateTime({ nullable: true })
  extendedAt: Date | null;
}

/** Where the caller records went: which client, when, what it decided and what was done. Ids only. */
export class DsrForwardDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: FORWARD_STATUSES })
  status: string;

  @ApiDateTime()
  forwardedAt: Date;

  @ApiDateTime({ description: 'Within 24 hours of receipt' })
  forwardedDueAt: Date;

  @ApiProperty()
  forwardedLate: boolean;

  @ApiDateTime({ nullable: true })
  answeredAt: Date | null;

  @ApiProperty({ enum: CLIENT_INSTRUCTIONS, nullable: true })
  lastInstruction: ClientInstruction | null;

  @ApiProperty({ type: [RecordMatchDto] })
  matches: RecordMatchDto[];

  @ApiProperty({ type: [OperationReportDto] })
  reports: OperationReportDto[];
}

/** A data subject request as the DPO works it. */
export class DsrRequestDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ enum: DSR_TYPES })
  type: DsrType;

  @ApiProperty({ enum: DSR_STATUSES })
  status: DsrStatus;

  @ApiProperty({ enum: DSR_SOURCES })
  source: DsrSource;

  @ApiProperty({ type: DsrSubjectDto })
  subject: DsrSubjectDto;

  @ApiProperty({ type: String, nullable: true })
  details: string | null;

  @ApiProperty({ type: PersonDto, nullable: true })
  rectification: PersonDto | null;

  @ApiProperty({ enum: PURPOSES, isArray: true, nullable: true })
  objectionPurposes: Purpose[] | null;

  @ApiProperty({ type: DsrVerificationDto })
  verification: DsrVerificationDto;

  @ApiDateTime()
  receivedAt: Date;

  @ApiDateTime()
  originalDueAt: Date;

  @ApiDateTime({ description: 'After any extension' })
  dueAt: Date;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null once closed' })
  daysLeft: number | null;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ type: DsrExtensionDto, nullable: true })
  extension: DsrExtensionDto | null;

  @ApiDateTime({ nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  outcomeNote: string | null;

  @ApiProperty({ type: [RecordMatchDto], description: "The operator's own records of the person" })
  controllerMatches: RecordMatchDto[];

  @ApiProperty({ type: [OperationReportDto] })
  reports: OperationReportDto[];

  @ApiDateTime({ nullable: true })
  exportedAt: Date | null;

  @ApiProperty({ type: [DsrForwardDto] })
  forwards: DsrForwardDto[];
}

/** A request forwarded to a client, as that client sees it: the person's identifiers and its own records only. */
export class DsrInboxItemDto extends PickType(DsrRequestDto, ['id', 'type', 'subject', 'details', 'rectification', 'objectionPurposes', 'receivedAt', 'daysLeft', 'overdue', 'reports'] as const) {
  @ApiUuid()
  forwardId: string;

  @ApiProperty({ enum: FORWARD_STATUSES })
  status: string;

  @ApiDateTime({ description: "The person's deadline" })
  dueAt: Date;

  @ApiDateTime()
  forwardedAt: Date;

  @ApiDateTime()
  forwardedDueAt: Date;

  @ApiDateTime({ nullable: true })
  answeredAt: Date | null;

  @ApiProperty({ enum: CLIENT_INSTRUCTIONS, nullable: true })
  lastInstruction: ClientInstruction | null;

  @ApiProperty({ type: [RecordMatchDto] })
  matches: RecordMatchDto[];

  @ApiPropertyOptional({
    type: CreatedDeliveryDto,
    nullable: true,
    description: "Only in the answer to an export instruction: the one-time delivery of the person's messages and recordings (password shown once); null when nothing was left to deliver",
  })
  delivery?: CreatedDeliveryDto | null;
}
