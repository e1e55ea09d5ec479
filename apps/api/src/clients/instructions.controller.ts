import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ClientsService } from '#clients';
import { ApiErrors } from '../common/api-docs';
import { InstructionsDto, ProcessingInstructionsDto } from './client.dto';

/** A client's documented processing instructions: issued by the client itself or recorded by an admin. */
@ApiTags('clients')
@ApiBearerAuth()
@Roles('admin', 'client')
@Controller('clients/:clientId/instructions')
export class InstructionsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOperation({ summary: "The version of the client's processing instructions in force now" })
  @ApiOkResponse({ type: ProcessingInstructionsDto })
  @ApiErrors(400, 401, 403, 404)
  current(@Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.currentInstructions(clientId);
  }

  @Get('history')
  @ApiOperation({ summary: "Every version of the client's processing instructions, newest first" })
  @ApiOkResponse({ type: [ProcessingInstructionsDto] })
  @ApiErrors(400, 401, 403, 404)
  history(@Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.instructionHistory(clientId);
  }

  @Post()
  @ApiOperation({ summary: 'Issue a new version of the instructions: the current one with these changes' })
  @ApiCreatedResponse({ type: ProcessingInstructionsDto })
  @ApiErrors(400, 401, 403, 404)
  issue(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: InstructionsDto) {
    return this.clients.issueInstructions(clientId, dto, actorOf(principal));
  }
}
