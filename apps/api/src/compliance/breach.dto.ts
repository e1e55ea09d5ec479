import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { BREACH_ACTIONS } from '#compliance';
import type { BreachActionName } from '#compliance';

export class CreateBreachDto {
  /** When the operator became aware: the regulator's 72 hours run from here. */
  @Type(() => Date) @IsDate()
  detectedAt: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  occurredAt?: Date;

  @IsString() @MinLength(3) @MaxLength(5000)
  nature: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @IsBoolean()
  affectsCallerData: boolean;

  @IsBoolean()
  affectsOperatorData: boolean;

  @IsOptional() @IsArray() @ArrayMaxSize(10000) @IsUUID('all', { each: true })
  affectedClientIds?: string[];

  @IsOptional() @IsInt() @Min(0)
  approxSubjects?: number;

  @IsOptional() @IsInt() @Min(0)
  approxRecords?: number;

  @IsString() @MinLength(3) @MaxLength(5000)
  likelyConsequences: string;

  @IsString() @MinLength(3) @MaxLength(5000)
  measuresTaken: string;

  @IsOptional() @IsBoolean()
  highRisk?: boolean;
}

export class BreachActionDto {
  @IsIn(BREACH_ACTIONS)
  action: BreachActionName;

  @IsOptional() @IsUUID()
  clientId?: string;

  @IsOptional() @IsIn(['email', 'phone', 'portal', 'letter'])
  channel?: string;

  @IsOptional() @IsString() @MaxLength(100)
  reference?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}
