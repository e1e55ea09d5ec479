import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ConsentService } from '#compliance';
import type { MarketingExportRequest } from '#compliance';
import { CreateConsentDto, MarketingExportDto, OptOutDto, WithdrawConsentDto } from './marketing.dto';

@ApiTags('marketing')
@ApiBearerAuth()
@Roles('admin', 'dpo')
@Controller('marketing')
export class MarketingController {
  constructor(private readonly consent: ConsentService) {}

  @Post('consents')
  record(@CurrentPrincipal() principal: Principal, @Body() dto: CreateConsentDto) {
    return this.consent.record(principal, dto);
  }

  @Get('consents')
  list(@CurrentPrincipal() principal: Principal) {
    return this.consent.list(principal);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawConsentDto) {
    return this.consent.withdraw(principal, id, dto.channel);
  }

  /** "Stop sending me marketing": withdraws every matching consent and adds the identifiers to the suppression list. */
  @Post('opt-outs')
  @HttpCode(200)
  optOut(@CurrentPrincipal() principal: Principal, @Body() dto: OptOutDto) {
    return this.consent.optOut(principal, { email: dto.email, phone: dto.phone }, dto.channel);
  }

  /** How many entries the suppression list holds (it holds keyed hashes only). */
  @Get('suppressions')
  suppressions() {
    return this.consent.suppressionCount();
  }

  /** A campaign's contact list, checked against the suppression list; caller data only with each caller's permission. */
  @Post('exports')
  @Roles('admin')
  @HttpCode(200)
  export(@CurrentPrincipal() principal: Principal, @Body() dto: MarketingExportDto) {
    return this.consent.marketingExport(principal, dto as MarketingExportRequest);
  }
}
