import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BreakGlassService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ApiErrors } from '../common/api-docs';
import { BreakGlassGrantDto, OpenBreakGlassDto } from './break-glass.dto';

@ApiTags('break-glass')
@ApiBearerAuth()
@Roles('dpo')
@Controller('break-glass')
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post()
  @ApiOperation({ summary: "Open a time-limited, reasoned access to one client's caller content (DPO)" })
  @ApiCreatedResponse({ type: BreakGlassGrantDto })
  @ApiErrors(400, 401, 403, 404)
  open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenBreakGlassDto) {
    return this.breakGlass.open(principal.id, dto.clientId, dto.reason, dto.durationMinutes);
  }

  @Get()
  @ApiOperation({ summary: 'The latest 200 break-glass grants, newest first' })
  @ApiOkResponse({ type: [BreakGlassGrantDto] })
  @ApiErrors(401, 403)
  list() {
    return this.breakGlass.list();
  }
}
