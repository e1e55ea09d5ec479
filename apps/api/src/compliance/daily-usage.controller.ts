import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { DailyUsageService } from '#compliance';
import { ApiErrors } from '../common/api-docs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DailyUsageQueryDto {
  /** First day (UTC), inclusive. */
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  /** Last day (UTC), inclusive. */
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;
}

export class DailyUsagePointView {
  @ApiProperty({ example: '2026-12-01' })
  date: string;

  @ApiProperty()
  calls: number;

  @ApiProperty({ description: 'Billable minutes: each call rounded up to a whole minute' })
  minutes: number;

  @ApiProperty()
  messages: number;
}

export class DailyUsageView {
  @ApiProperty({ format: 'uuid' })
  clientId: string;

  @ApiProperty()
  from: string;

  @ApiProperty()
  to: string;

  @ApiProperty({ type: [DailyUsagePointView] })
  days: DailyUsagePointView[];
}

@ApiTags('usage')
@ApiBearerAuth()
@Controller('clients')
export class DailyUsageController {
  constructor(private readonly daily: DailyUsageService) {}

  @Get(':clientId/usage/daily')
  @Roles('admin', 'client')
  @ApiOperation({ summary: 'Calls, minutes and messages per day for a period, for a chart (the CSV is GET /clients/{clientId}/usage?format=csv)' })
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @ApiOkResponse({ type: DailyUsageView })
  @ApiErrors(400, 401, 403, 404)
  series(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Query() query: DailyUsageQueryDto) {
    return this.daily.series(principal, clientId, query.from, query.to);
  }
}
