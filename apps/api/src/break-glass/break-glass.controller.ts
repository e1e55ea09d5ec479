import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BreakGlassService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ErrorResponseDto } from '../error-response.dto';
import { BreakGlassGrantDto, OpenBreakGlassDto } from './break-glass.dto';

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
  @ApiOperation({ summary: 'The latest break-glass grants (the read is audited)' })
  @ApiOkResponse({ type: [BreakGlassGrantDto] })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  list(@CurrentPrincipal() principal: Principal): Promise<BreakGlassGrantDto[]> {
    return this.breakGlass.list({ id: principal.id, role: 'dpo' });
  }
}
