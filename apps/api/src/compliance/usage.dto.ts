import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class UsageQueryDto {
  /** First day (UTC), inclusive. */
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  /** Last day (UTC), inclusive. */
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
