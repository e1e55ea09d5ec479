import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AgentDirectoryService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ApiErrorDto } from '../common/api-error.dto';
import { AgentClientsQueryDto, IntakeScriptView } from './agent.dto';

@ApiTags('agent')
@ApiBearerAuth()
@Roles('agent', 'supervisor')
@Controller('agent')
export class AgentController {
  constructor(private readonly directory: AgentDirectoryService) {}

  @Get('clients')
  @ApiOperation({ summary: 'The clients this agent serves, with their intake scripts (audited)' })
  @ApiOkResponse({ type: [IntakeScriptView] })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  clients(@CurrentPrincipal() principal: Principal, @Query() query: AgentClientsQueryDto) {
    return this.directory.clientsFor(principal, query.search);
  }
}
