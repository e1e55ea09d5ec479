import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService } from '#calls';
import { CallerMessageDto } from '../calls/call.dto';
import { ApiErrors } from '../common/api-docs';
import { ListQueryDto } from './list-query.dto';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly calls: CallsService) {}

  /** A client user: all of its client's messages. An agent: what it logged, within its working window. */
  @Get()
  @Roles('client', 'agent', 'supervisor', 'admin', 'dpo')
  @ApiOperation({ summary: "Caller messages, newest first (a client user: its own; an agent: what it logged within its working window)" })
  @ApiOkResponse({ type: [CallerMessageDto] })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQueryDto) {
    return this.calls.listMessages(principal, query);
  }
}
