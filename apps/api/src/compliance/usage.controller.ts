import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { UsageService, usageCsv } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { UsageQueryDto, UsageReportDto } from './usage.dto';

@ApiTags('usage')
@ApiBearerAuth()
@Controller('clients')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  /** Calls, minutes, messages, recordings received and deleted, deliveries: per day and in total. JSON, or CSV with ?format=csv or Accept: text/csv. */
  @Get(':clientId/usage')
  @Roles('admin', 'client')
  @ApiOperation({ summary: "A client's usage for a period (calls, minutes, messages, recordings, deliveries), as JSON or CSV" })
  @ApiExtraModels(UsageReportDto)
  @ApiOkResponse({
    description: 'JSON by default; CSV with ?format=csv or Accept: text/csv',
    content: { 'application/json': { schema: { $ref: getSchemaPath(UsageReportDto) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403, 404)
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Query() query: UsageQueryDto,
    @Headers('accept') accept: string | undefined,
  ) {
    const report = await this.usage.report(principal, clientId, query.from, query.to);
    const csv = query.format === 'csv' || (!query.format && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return report;
    return new StreamableFile(Buffer.from(usageCsv(report)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="usage-${clientId}-${query.from}-${query.to}.csv"`,
    });
  }
}
