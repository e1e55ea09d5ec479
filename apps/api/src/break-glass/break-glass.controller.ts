import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BreakGlassService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { OpenBreakGlassDto } from './break-glass.dto';

@ApiTags('break-glass')
@ApiBearerAuth()
@Roles('dpo')
@Controller('break-glass')
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post()
  open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenBreakGlassDto) {
    return this.breakGlass.open(principal.id, dto.clientId, dto.reason, dto.durationMinutes);
  }

  @Get()
  list() {
    return this.breakGlass.list();
  }
}
