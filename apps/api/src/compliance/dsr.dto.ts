import { Type } from 'class-transformer';
import { IsArray, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PURPOSES } from '#audit';
import type { Purpose } from '#audit';
import { DSR_ACTIONS, DSR_SOURCES, DSR_TYPES, VERIFICATION_METHODS } from '#compliance';
import type { DsrActionName, DsrSource, DsrType, VerificationMethod } from '#compliance';

export class PersonDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @IsOptional() @IsEmail() @MaxLength(320)
  email?: string;

  @IsOptional() @IsString() @MinLength(3) @MaxLength(40)
  phone?: string;
}

export class CreateDsrDto {
  @IsIn(DSR_TYPES)
  type: DsrType;

  @IsOptional() @IsIn(DSR_SOURCES)
  source?: DsrSource;

  /** The identifiers the person gave: at least one of name, email, phone. */
  @ValidateNested() @Type(() => PersonDto)
  subject: PersonDto;

  @IsOptional() @IsString() @MaxLength(5000)
  details?: string;

  /** For rectification: the corrected values. */
  @IsOptional() @ValidateNested() @Type(() => PersonDto)
  rectification?: PersonDto;

  /** For objection: the purposes objected to (marketing when not given). */
  @IsOptional() @IsArray() @IsIn(PURPOSES, { each: true })
  objectionPurposes?: Purpose[];

  @IsOptional() @IsIn(VERIFICATION_METHODS)
  verificationMethod?: VerificationMethod;

  /** When the request reached the operator; deadlines run from here. Defaults to now. */
  @IsOptional() @Type(() => Date) @IsDate()
  receivedAt?: Date;
}

export class DsrActionDto {
  /** DPO: verify_identity, start, extend, erase, rectify, restrict, complete, refuse. Client: erase, export, rectify, restrict, refuse. */
  @IsIn(DSR_ACTIONS)
  action: DsrActionName;

  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  note?: string;

  @IsOptional() @IsInt() @Min(1) @Max(2)
  months?: number;

  @IsOptional() @IsIn(VERIFICATION_METHODS)
  method?: VerificationMethod;

  @IsOptional() @ValidateNested() @Type(() => PersonDto)
  rectification?: PersonDto;
}

export class DsrListQueryDto {
  @IsOptional() @IsIn(['open', 'closed', 'all'])
  status?: 'open' | 'closed' | 'all';
}
