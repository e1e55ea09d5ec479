import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { BREACH_ACTIONS } from '#compliance';
import type { BreachActionName } from '#compliance';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

export class CreateBreachDto {
  /** When the operator became aware: the regulator's 72 hours run from here. */
  @ApiProperty({ type: String, format: 'date-time', description: "When the operator became aware: the regulator's 72 hours run from here" })
  @Type(() => Date) @IsDate()
  detectedAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional() @Type(() => Date) @IsDate()
  occurredAt?: Date;

  @ApiProperty({ minLength: 3, maxLength: 5000 })
  @IsString() @MinLength(3) @MaxLength(5000)
  nature: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @ApiProperty()
  @IsBoolean()
  affectsCallerData: boolean;

  @ApiProperty()
  @IsBoolean()
  affectsOperatorData: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10000, description: 'Required when caller data is affected: each must be notified' })
  @IsOptional() @IsArray() @ArrayMaxSize(10000) @IsUUID('all', { each: true })
  affectedClientIds?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional() @IsInt() @Min(0)
  approxSubjects?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional() @IsInt() @Min(0)
  approxRecords?: number;

  @ApiProperty({ minLength: 3, maxLength: 5000 })
  @IsString() @MinLength(3) @MaxLength(5000)
  likelyConsequences: string;

  @ApiProperty({ minLength: 3, maxLength: 5000 })
  @IsString() @MinLength(3) @MaxLength(5000)
  measuresTaken: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional() @IsBoolean()
  highRisk?: boolean;
}

export class BreachActionDto {
  @ApiProperty({ enum: BREACH_ACTIONS })
  @IsIn(BREACH_ACTIONS)
  action: BreachActionName;

  @ApiPropertyOptional({ format: 'uuid', description: 'For notify_client: which affected client' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: ['email', 'phone', 'portal', 'letter'] })
  @IsOptional() @IsIn(['email', 'phone', 'portal', 'letter'])
  channel?: string;

  @ApiPropertyOptional({ maxLength: 100, description: "For notify_regulator: the regulator's reference" })
  @IsOptional() @IsString() @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'For the decide_* actions: why' })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}

export class BreachRegulatorDto {
  @ApiDateTime({ description: '72 hours after detection' })
  dueAt: Date;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null once notified or decided not required' })
  hoursLeft: number | null;

  @ApiProperty()
  overdue: boolean;

  @ApiDateTime({ nullable: true })
  notifiedAt: Date | null;

  @ApiProperty()
  notifiedLate: boolean;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ type: String, nullable: true })
  notRequiredReason: string | null;
}

export class BreachSubjectsDto {
  @ApiProperty({ description: 'High risk: the people affected must be informed' })
  mustBeInformed: boolean;

  @ApiDateTime({ nullable: true })
  informedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  notInformedReason: string | null;

  @ApiProperty()
  pending: boolean;
}

export class BreachAffectedClientDto {
  @ApiUuid()
  clientId: string;

  @ApiDateTime()
  notifyBy: Date;

  @ApiDateTime({ nullable: true })
  notifiedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  channel: string | null;

  @ApiProperty()
  overdue: boolean;
}

export class BreachDto {
  @ApiUuid()
  id: string;

  @ApiDateTime()
  detectedAt: Date;

  @ApiDateTime({ nullable: true })
  occurredAt: Date | null;

  @ApiProperty()
  nature: string;

  @ApiProperty({ type: [String] })
  dataCategories: string[];

  @ApiProperty()
  affectsCallerData: boolean;

  @ApiProperty()
  affectsOperatorData: boolean;

  @ApiProperty({ type: 'integer', nullable: true })
  approxSubjects: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  approxRecords: number | null;

  @ApiProperty()
  likelyConsequences: string;

  @ApiProperty()
  measuresTaken: string;

  @ApiProperty()
  highRisk: boolean;

  @ApiProperty({ type: BreachRegulatorDto, nullable: true, description: "Only when the operator's own data is affected" })
  regulator: BreachRegulatorDto | null;

  @ApiDateTime({ nullable: true })
  regulatorDueAt: Date | null;

  @ApiProperty({ type: BreachSubjectsDto })
  subjects: BreachSubjectsDto;

  @ApiProperty({ type: [BreachAffectedClientDto] })
  affectedClients: BreachAffectedClientDto[];

  @ApiProperty({ type: 'integer' })
  clientsAwaitingNotice: number;

  @ApiUuid()
  recordedBy: string;

  @ApiDateTime()
  createdAt: Date;
}
