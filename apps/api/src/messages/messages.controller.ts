import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService, MessageInbox } from '#calls';
import { InboxCountsDto, MessageDto, MessageListQueryDto, MessageStateDto } from './message.dto';

@ApiTags('messages')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
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
  @ApiBadRequestResponse({ description: 'A filter or the page cursor is not valid' })
  @ApiForbiddenResponse({ description: 'The role or the client instructions do not allow it' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MessageListQueryDto) {
    return this.calls.listMessages(principal, query);
  }

  @Get('unread-count')
  @Roles('client')
  @ApiOperation({ summary: "The client's unread messages, and how many of them are urgent" })
  @ApiOkResponse({ type: InboxCountsDto })
  @ApiForbiddenResponse({ description: 'Only client users have an inbox' })
  counts(@CurrentPrincipal() principal: Principal): Promise<InboxCountsDto> {
    return this.inbox.counts(principal);
  }

  @Post(':messageId/read')
  @Roles('client')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a message read (for every user of the client; audited)' })
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ApiOkResponse({ type: MessageStateDto })
  @ApiForbiddenResponse({ description: 'Only client users mark messages; cookie requests need the portal Origin' })
  @ApiNotFoundResponse({ description: 'No such message of this client' })
  markRead(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageStateDto> {
    return this.inbox.mark(principal, messageId, 'read');
  }

  @Post(':messageId/actioned')
  @Roles('client')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a message actioned (and read); audited' })
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ApiOkResponse({ type: MessageStateDto })
  @ApiForbiddenResponse({ description: 'Only client users mark messages; cookie requests need the portal Origin' })
  @ApiNotFoundResponse({ description: 'No such message of this client' })
  markActioned(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageStateDto> {
    return this.inbox.mark(principal, messageId, 'actioned');
  }
}
