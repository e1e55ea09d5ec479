import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ApiUuid } from '../common/api-docs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class UsageQueryDto {
  /** First day (UTC), inclusive. */
  @ApiProperty({ format: 'date', description: 'First day (UTC), inclusive' })
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  /** Last day (UTC), inclusive. */
  @ApiProperty({ format: 'date', description: 'Last day (UTC), inclusive; at most 366 days after from' })
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv, or Accept: text/csv, answers CSV' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class UsageCountsDto {
  @ApiProperty({ type: 'integer' })
  calls: number;

  @ApiProperty({ type: 'integer', description: "Billable minutes: each call's duration rounded up to a whole minute" })
  minutes: number;

  @ApiProperty({ type: 'integer' })
  messages: number;

  @ApiProperty({ type: 'integer' })
  recordingsReceived: number;

  @ApiProperty({ type: 'integer' })
  recordingsDeleted: number;

  @ApiProperty({ type: 'integer' })
  deliveries: number;
}

export class UsageDayDto extends UsageCountsDto {
  @ApiProperty({ format: 'date' })
  date: string;
}

export class UsageReportDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: [UsageDayDto] })
  days: UsageDayDto[];

  @ApiProperty({ type: UsageCountsDto })
  total: UsageCountsDto;
}
