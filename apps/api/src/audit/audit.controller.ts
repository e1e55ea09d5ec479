import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrailService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { AuditService, auditEventsToCsv } from '#audit';
import { ApiErrors } from '../common/api-docs';
import { AuditEventDto, ChainVerificationDto } from './audit-event.dto';
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
  @ApiOperation({ summary: 'Audit events, newest first (a client user: those about its own data)' })
  @ApiOkResponse({ type: [AuditEventDto] })
  @ApiErrors(400, 401, 403)
  find(@CurrentPrincipal() principal: Principal, @Query() { before, ...query }: AuditQueryDto) {
    return this.trail.find(principal, { ...query, beforeSeq: before });
  }

  /** The same filters, as CSV for the client's or the regulator's records. */
  @Get('export.csv')
  @Roles('admin', 'dpo', 'client')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  @ApiOperation({ summary: 'The same audit events as a CSV file' })
  @ApiOkResponse({
    description: 'CSV with a header row: seq, occurredAt, actorId, actorRole, clientId, dataRole, purpose, action, subjectType, subjectId, outcome, details (JSON), hash',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403)
  async exportCsv(@CurrentPrincipal() principal: Principal, @Query() { before, ...query }: AuditQueryDto) {
    return auditEventsToCsv(await this.trail.find(principal, { ...query, beforeSeq: before }));
  }

  @Get('verification')
  @Roles('admin', 'dpo', 'client')
  @ApiOperation({ summary: 'When the audit chain was last verified, and whether it held' })
  @ApiOkResponse({ type: ChainStatusDto })
  @ApiErrors(401, 403)
  verification(): Promise<ChainStatusDto> {
    return this.audit.latestVerification();
  }

  @Get('verify')
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: 'Recompute the hash chain and report its head' })
  @ApiOkResponse({ type: ChainVerificationDto })
  @ApiErrors(401, 403)
  verify() {
    return this.audit.verify();
  }
}
