import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService, MessageInbox } from '#calls';
import { InboxCountsDto, MessageDto, MessageListQueryDto, MessageStateDto } from './message.dto';
import { ApiErrors } from '../common/api-docs';

@ApiTags('messages')
@ApiBearerAuth()
@ApiErrors({ status: 401, description: 'Not signed in' })
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly calls: CallsService,
    private readonly inbox: MessageInbox,
  ) {}

  /** A client user: all of its client's messages. An agent: what it logged, within its working window. */
  @Get()
  @Roles('client', 'agent', 'supervisor', 'admin', 'dpo')
  @ApiOperation({ summary: 'Caller messages, newest first (keyset pages), with the inbox filters' })
  @ApiOkResponse({ type: [MessageDto] })
  @ApiErrors({ status: 400, description: 'A filter or the page cursor is not valid' }, { status: 403, description: 'The role or the client instructions do not allow it' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MessageListQueryDto) {
    return this.calls.listMessages(principal, query);
  }

  @Get('unread-count')
  @Roles('client')
  @ApiOperation({ summary: "The client's unread messages, and how many of them are urgent" })
  @ApiOkResponse({ type: InboxCountsDto })
  @ApiErrors({ status: 403, description: 'Only client users have an inbox' })
  counts(@CurrentPrincipal() principal: Principal): Promise<InboxCountsDto> {
    return this.inbox.counts(principal);
  }

  @Post(':messageId/read')
  @Roles('client')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a message read (for every user of the client; audited)' })
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ApiOkResponse({ type: MessageStateDto })
  @ApiErrors({ status: 403, description: 'Only client users mark messages; cookie requests need the portal Origin' }, { status: 404, description: 'No such message of this client' })
  markRead(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageStateDto> {
    return this.inbox.mark(principal, messageId, 'read');
  }

  @Post(':messageId/actioned')
  @Roles('client')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a message actioned (and read); audited' })
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ApiOkResponse({ type: MessageStateDto })
  @ApiErrors({ status: 403, description: 'Only client users mark messages; cookie requests need the portal Origin' }, { status: 404, description: 'No such message of this client' })
  markActioned(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageStateDto> {
    return this.inbox.mark(principal, messageId, 'actioned');
  }
}
