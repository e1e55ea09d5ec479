import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AgentDirectoryService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ApiErrorDto } from '../common/api-error.dto';
import { AgentClientsQueryDto, AgentLimitsView, IntakeScriptView } from './agent.dto';
import { AppConfig } from '#config';

@ApiTags('agent')
@ApiBearerAuth()
@Roles('agent', 'supervisor')
@Controller('agent')
export class AgentController {
  constructor(
    private readonly directory: AgentDirectoryService,
    private readonly config: AppConfig,
  ) {}

  /** What the console checks before it sends anything: the upload limit and the working window. */
  @Get('limits')
  @ApiOperation({ summary: 'The recording size limit and the working window, for the agent console' })
  @ApiOkResponse({ type: AgentLimitsView })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  limits(): AgentLimitsView {
    return { recordingMaxBytes: this.config.recordingMaxBytes, workingWindowHours: this.config.agentWindowHours };
  }


  @Get('clients')
  @ApiOperation({ summary: 'The clients this agent serves, with their intake scripts (audited)' })
  @ApiOkResponse({ type: [IntakeScriptView] })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  clients(@CurrentPrincipal() principal: Principal, @Query() query: AgentClientsQueryDto) {
    return this.directory.clientsFor(principal, query.search);
  }
}
