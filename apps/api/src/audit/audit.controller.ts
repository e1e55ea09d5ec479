import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuditTrailService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { AuditService, auditEventsToCsv } from '#audit';
import { AuditQueryDto } from './audit-query.dto';
import { ChainStatusDto } from './chain-status.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('admin', 'dpo', 'client')
  find(@CurrentPrincipal() principal: Principal, @Query() { before, ...query }: AuditQueryDto) {
    return this.trail.find(principal, { ...query, beforeSeq: before });
  }

  /** The same filters, as CSV for the client's or the regulator's records. */
  @Get('export.csv')
  @Roles('admin', 'dpo', 'client')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  async exportCsv(@CurrentPrincipal() principal: Principal, @Query() { before, ...query }: AuditQueryDto) {
    return auditEventsToCsv(await this.trail.find(principal, { ...query, beforeSeq: before }));
  }

  @Get('verification')
  @Roles('admin', 'dpo', 'client')
  @ApiOperation({ summary: 'When the audit chain was last verified, and whether it held' })
  @ApiOkResponse({ type: ChainStatusDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  @ApiForbiddenResponse({ description: 'The role may not read the audit trail' })
  verification(): Promise<ChainStatusDto> {
    return this.audit.latestVerification();
  }

  @Get('verify')
  @Roles('admin', 'dpo')
  verify() {
    return this.audit.verify();
  }
}
