import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ConsentService } from '#compliance';
import type { MarketingExportRequest } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { ConsentDto, CreateConsentDto, MarketingExportDto, MarketingExportResultDto, OptOutDto, OptOutResultDto, SuppressionCountDto, WithdrawConsentDto } from './marketing.dto';

@ApiTags('marketing')
@ApiBearerAuth()
@Roles('admin', 'dpo')
@Controller('marketing')
export class MarketingController {
  constructor(private readonly consent: ConsentService) {}

  @Post('consents')
  @ApiOperation({ summary: 'Record a marketing consent given by a positive action' })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiErrors(400, 401, 403, 404)
  record(@CurrentPrincipal() principal: Principal, @Body() dto: CreateConsentDto) {
    return this.consent.record(principal, dto);
  }

  @Get('consents')
  @ApiOperation({ summary: 'The consent register' })
  @ApiOkResponse({ type: [ConsentDto] })
  @ApiErrors(401, 403)
  list(@CurrentPrincipal() principal: Principal) {
    return this.consent.list(principal);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consent (the person goes on the suppression list)' })
  @ApiOkResponse({ type: ConsentDto })
  @ApiErrors(400, 401, 403, 404)
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawConsentDto) {
    return this.consent.withdraw(principal, id, dto.channel);
  }

  /** "Stop sending me marketing": withdraws every matching consent and adds the identifiers to the suppression list. */
  @Post('opt-outs')
  @HttpCode(200)
  @ApiOperation({ summary: 'Opt a person out: withdraw every matching consent and suppress the identifiers' })
  @ApiOkResponse({ type: OptOutResultDto })
  @ApiErrors(400, 401, 403)
  optOut(@CurrentPrincipal() principal: Principal, @Body() dto: OptOutDto) {
    return this.consent.optOut(principal, { email: dto.email, phone: dto.phone }, dto.channel);
  }

  /** How many entries the suppression list holds (it holds keyed hashes only). */
  @Get('suppressions')
  @ApiOperation({ summary: 'How many entries the suppression list holds' })
  @ApiOkResponse({ type: SuppressionCountDto })
  @ApiErrors(401, 403)
  suppressions() {
    return this.consent.suppressionCount();
  }

  /** A campaign's contact list, checked against the suppression list; caller data only with each caller's permission. */
  @Post('exports')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "A campaign's contact list, checked against the suppression list" })
  @ApiOkResponse({ type: MarketingExportResultDto })
  @ApiErrors(400, 401, 403, 404)
  export(@CurrentPrincipal() principal: Principal, @Body() dto: MarketingExportDto) {
    return this.consent.marketingExport(principal, dto as MarketingExportRequest);
  }
}
