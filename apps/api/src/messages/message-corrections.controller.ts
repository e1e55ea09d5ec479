import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService } from '#calls';
import { ApiErrorDto } from '../common/api-error.dto';
import { CorrectedMessageView, CorrectMessageDto } from './message-correction.dto';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessageCorrectionsController {
  constructor(private readonly calls: CallsService) {}

  @Patch(':messageId')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Correct a message the agent logged, within its working window (audited as a correction)' })
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ApiOkResponse({ type: CorrectedMessageView })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such message, not this agent’s, or outside its working window' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Already delivered to the client' })
  correct(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string, @Body() dto: CorrectMessageDto) {
    return this.calls.correctMessage(principal, messageId, dto);
  }
}
