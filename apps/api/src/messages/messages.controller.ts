import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService } from '#calls';
import { ListQueryDto } from './list-query.dto';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly calls: CallsService) {}

  /** A client user: all of its client's messages. An agent: what it logged, within its working window. */
  @Get()
  @Roles('client', 'agent', 'supervisor', 'admin', 'dpo')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQueryDto) {
    return this.calls.listMessages(principal, query);
  }
}
