import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AgentAssignmentsService, Roles } from '#access';
import { ApiErrors } from '../common/api-docs';

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
  @ApiErrors(401, 403)
  async clients(@Param('userId', ParseUUIDPipe) userId: string): Promise<AgentClientsView> {
    return { clientIds: await this.assignments.assignedClientIds(userId) };
  }
}
