import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ClientsService } from '#clients';
import { InstructionsDto } from './client.dto';

/** A client's documented processing instructions: issued by the client itself or recorded by an admin. */
@ApiTags('clients')
@ApiBearerAuth()
@Roles('admin', 'client')
@Controller('clients/:clientId/instructions')
export class InstructionsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  current(@Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.currentInstructions(clientId);
  }

  @Get('history')
  history(@Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.instructionHistory(clientId);
  }

  @Post()
  issue(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: InstructionsDto) {
    return this.clients.issueInstructions(clientId, dto, actorOf(principal));
  }
}
