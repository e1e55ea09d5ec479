import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService } from '#calls';
import { ApiErrors } from '../common/api-docs';
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
  @ApiErrors(400, 401, 403, { status: 404, description: 'No such message, not this agent’s, or outside its working window' }, { status: 409, description: 'Already delivered to the client' })
  correct(@CurrentPrincipal() principal: Principal, @Param('messageId', ParseUUIDPipe) messageId: string, @Body() dto: CorrectMessageDto) {
    return this.calls.correctMessage(principal, messageId, dto);
  }
}
