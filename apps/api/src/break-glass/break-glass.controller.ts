import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BreakGlassService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ApiErrors } from '../common/api-docs';
import { BreakGlassGrantView, OpenBreakGlassDto } from './break-glass.dto';

@ApiTags('break-glass')
@ApiBearerAuth()
@Roles('dpo')
@Controller('break-glass')
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post()
  @ApiOperation({ summary: "Open a time-limited, reasoned access to one client's caller content (DPO)" })
  @ApiCreatedResponse({ type: BreakGlassGrantView })
  @ApiErrors(400, 401, 403, 404)
  open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenBreakGlassDto) {
    return this.breakGlass.open(principal.id, dto.clientId, dto.reason, dto.durationMinutes);
  }

  @Get()
  @ApiOperation({ summary: 'The latest break-glass grants (the read is audited)' })
  @ApiOkResponse({ type: [BreakGlassGrantView] })
  @ApiErrors(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<BreakGlassGrantView[]> {
    return this.breakGlass.list({ id: principal.id, role: 'dpo' });
  }

  /** Ends the DPO's own open grant before its expiry. */
  @Post(':grantId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a break-glass grant early (audited under its client)' })
  @ApiParam({ name: 'grantId', format: 'uuid' })
  @ApiOkResponse({ type: BreakGlassGrantView })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'Already closed or expired' })
  close(@CurrentPrincipal() principal: Principal, @Param('grantId', ParseUUIDPipe) grantId: string) {
    return this.breakGlass.close(principal.id, grantId);
  }
}
