import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TRANSFER_MECHANISMS } from '#compliance';
import type { TransferMechanism } from '#compliance';

const COUNTRY = /^[A-Za-z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateSubProcessorDto {
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @IsString() @MinLength(3) @MaxLength(2000)
  purpose: string;

  /** ISO 3166-1 alpha-2 country where the data is processed. */
  @Matches(COUNTRY, { message: 'location must be a two-letter country code' })
  location: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @Matches(DATE, { message: 'contractDate must be a date (YYYY-MM-DD)' })
  contractDate: string;

  /** Required outside the UK and the EEA: adequacy, sccs or bcrs. */
  @IsOptional() @IsIn(TRANSFER_MECHANISMS)
  transferMechanism?: TransferMechanism | null;

  @IsOptional() @IsString() @MaxLength(300)
  transferMechanismReference?: string;
}

export class UpdateSubProcessorDto {
  @IsOptional() @Matches(COUNTRY, { message: 'location must be a two-letter country code' })
  location?: string;

  @IsOptional() @IsString() @MinLength(3) @MaxLength(2000)
  purpose?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories?: string[];

  /** null withdraws the mechanism (e.g. an adequacy decision struck down): transfers are then refused. */
  @IsOptional() @IsIn(TRANSFER_MECHANISMS)
  transferMechanism?: TransferMechanism | null;

  @IsOptional() @IsString() @MaxLength(300)
  transferMechanismReference?: string | null;

  @IsOptional() @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';
}

export class TransferDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @IsString() @MinLength(3) @MaxLength(2000)
  purpose: string;
}
