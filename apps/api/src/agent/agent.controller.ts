import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentDirectoryService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ApiErrors } from '../common/api-docs';
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
  @ApiErrors(401, 403)
  limits(): AgentLimitsView {
    return { recordingMaxBytes: this.config.recordingMaxBytes, workingWindowHours: this.config.agentWindowHours };
  }


  @Get('clients')
  @ApiOperation({ summary: 'The clients this agent serves, with their intake scripts (audited)' })
  @ApiOkResponse({ type: [IntakeScriptView] })
  @ApiErrors(401, 403)
  clients(@CurrentPrincipal() principal: Principal, @Query() query: AgentClientsQueryDto) {
    return this.directory.clientsFor(principal, query.search);
  }
}
