import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
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
}

export class InstructionsDto {
  @ApiPropertyOptional({ type: [IntakeFieldDto] })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => IntakeFieldDto)
  intakeFields?: IntakeFieldDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  recordingRetentionDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720 })
  @IsOptional() @IsInt() @Min(1) @Max(720)
  deliveryExpiryHours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  callerDataRetentionDays?: number;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  supervisorReviewAllowed?: boolean;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  aggregateStatisticsAllowed?: boolean;
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
}
