import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AgentAssignmentsService, Roles } from '#access';
import { ApiErrorDto } from '../common/api-error.dto';

export class AgentClientsView {
  @ApiProperty({ type: [String], description: 'The clients the agent is restricted to; empty: every active client (the default)' })
  clientIds: string[];
}

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class AgentClientsController {
  constructor(private readonly assignments: AgentAssignmentsService) {}

  @Get(':userId/clients')
  @ApiOperation({ summary: 'The clients an agent is restricted to (empty: every active client)' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: AgentClientsView })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  async clients(@Param('userId', ParseUUIDPipe) userId: string): Promise<AgentClientsView> {
    return { clientIds: await this.assignments.assignedClientIds(userId) };
  }
}
