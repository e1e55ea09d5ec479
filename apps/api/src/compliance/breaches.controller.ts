import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { BreachesService } from '#compliance';
import { BreachActionDto, CreateBreachDto } from './breach.dto';

@ApiTags('breaches')
@ApiBearerAuth()
@Roles('dpo')
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  @Post()
  record(@CurrentPrincipal() principal: Principal, @Body() dto: CreateBreachDto) {
    return this.breaches.record(principal, dto);
  }

  /** Admins read the register too (it holds no caller content); only the DPO records and acts. */
  @Get()
  @Roles('dpo', 'admin')
  list(@CurrentPrincipal() principal: Principal) {
    return this.breaches.list(principal);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.breaches.get(id);
  }

  /** notify_client, notify_regulator, decide_regulator_not_required, inform_subjects, decide_subjects_not_informed. */
  @Post(':id/actions')
  @HttpCode(200)
  act(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BreachActionDto) {
    return this.breaches.act(principal, id, dto);
  }
}
