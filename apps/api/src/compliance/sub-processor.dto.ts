import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TRANSFER_MECHANISMS } from '#compliance';
import type { TransferMechanism } from '#compliance';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const COUNTRY = /^[A-Za-z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORIES: ApiPropertyOptions = { type: [String], minItems: 1, maxItems: 50, example: ['caller_message'] };

export class CreateSubProcessorDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString() @MinLength(3) @MaxLength(2000)
  purpose: string;

  /** ISO 3166-1 alpha-2 country where the data is processed. */
  @ApiProperty({ pattern: COUNTRY.source, example: 'IE', description: 'ISO 3166-1 alpha-2 country where the data is processed' })
  @Matches(COUNTRY, { message: 'location must be a two-letter country code' })
  location: string;

  @ApiProperty(CATEGORIES)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @ApiProperty({ format: 'date', example: '2026-01-31' })
  @Matches(DATE, { message: 'contractDate must be a date (YYYY-MM-DD)' })
  contractDate: string;

  /** Required outside the UK and the EEA: adequacy, sccs or bcrs. */
  @ApiPropertyOptional({ enum: TRANSFER_MECHANISMS, nullable: true, description: 'Required outside the UK and the EEA' })
  @IsOptional() @IsIn(TRANSFER_MECHANISMS)
  transferMechanism?: TransferMechanism | null;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional() @IsString() @MaxLength(300)
  transferMechanismReference?: string;
}

export class UpdateSubProcessorDto {
  @ApiPropertyOptional({ pattern: COUNTRY.source })
  @IsOptional() @Matches(COUNTRY, { message: 'location must be a two-letter country code' })
  location?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 2000 })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(2000)
  purpose?: string;

  @ApiPropertyOptional(CATEGORIES)
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories?: string[];

  /** null withdraws the mechanism (e.g. an adequacy decision struck down): transfers are then refused. */
  @ApiPropertyOptional({ enum: TRANSFER_MECHANISMS, nullable: true, description: 'null withdraws the mechanism: transfers are then refused' })
  @IsOptional() @IsIn(TRANSFER_MECHANISMS)
  transferMechanism?: TransferMechanism | null;

  @ApiPropertyOptional({ type: String, maxLength: 300, nullable: true })
  @IsOptional() @IsString() @MaxLength(300)
  transferMechanismReference?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'ended'] })
  @IsOptional() @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';
}

export class TransferDto {
  @ApiProperty(CATEGORIES)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true })
  dataCategories: string[];

  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString() @MinLength(3) @MaxLength(2000)
  purpose: string;
}

export class SubProcessorDto {
  @ApiUuid()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  purpose: string;

  @ApiProperty({ example: 'IE' })
  location: string;

  @ApiProperty({ type: [String] })
  dataCategories: string[];

  @ApiProperty({ format: 'date' })
  contractDate: string;

  @ApiProperty({ enum: TRANSFER_MECHANISMS, nullable: true })
  transferMechanism: TransferMechanism | null;

  @ApiProperty({ type: String, nullable: true })
  transferMechanismReference: string | null;

  @ApiProperty({ enum: ['active', 'ended'] })
  status: 'active' | 'ended';

  @ApiUuid()
  createdBy: string;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime()
  updatedAt: Date;
}

export class SubProcessorTransferDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  subProcessorId: string;

  @ApiProperty({ type: [String] })
  dataCategories: string[];

  @ApiProperty()
  purpose: string;

  @ApiProperty({ example: 'IE' })
  location: string;

  @ApiProperty({ type: String, nullable: true })
  transferMechanism: string | null;

  @ApiUuid()
  recordedBy: string;

  @ApiDateTime()
  recordedAt: Date;
}
