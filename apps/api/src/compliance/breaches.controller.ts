import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { BreachesService } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { BreachActionDto, BreachDto, CreateBreachDto } from './breach.dto';

@ApiTags('breaches')
@ApiBearerAuth()
@Roles('dpo')
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  @Post()
  @ApiOperation({ summary: 'Record a breach on the register (with its regulator and client deadlines)' })
  @ApiCreatedResponse({ type: BreachDto })
  @ApiErrors(400, 401, 403)
  record(@CurrentPrincipal() principal: Principal, @Body() dto: CreateBreachDto) {
    return this.breaches.record(principal, dto);
  }

  /** Admins read the register too (it holds no caller content); only the DPO records and acts. */
  @Get()
  @ApiOperation({ summary: 'The breach register' })
  @ApiOkResponse({ type: [BreachDto] })
  @ApiErrors(401, 403)
  @Roles('dpo', 'admin')
  list(@CurrentPrincipal() principal: Principal) {
    return this.breaches.list(principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One breach' })
  @ApiOkResponse({ type: BreachDto })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.breaches.get(id);
  }

  /** notify_client, notify_regulator, decide_regulator_not_required, inform_subjects, decide_subjects_not_informed. */
  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a notification or decision on a breach' })
  @ApiOkResponse({ type: BreachDto })
  @ApiErrors(400, 401, 403, 404, 409)
  act(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BreachActionDto) {
    return this.breaches.act(principal, id, dto);
  }
}
