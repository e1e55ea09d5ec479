import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
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
import { ClientsService } from '#clients';
import { ApiErrorDto } from '../common/api-error.dto';
import { ClientView, UpdateClientContactDto } from './client-contact.dto';

@ApiTags('clients')
@ApiBearerAuth()
@Roles('admin')
@Controller('clients')
export class ClientContactController {
  constructor(private readonly clients: ClientsService) {}

  @Patch(':clientId')
  @ApiOperation({ summary: "Change a client's name or contact details (audited, field names only)" })
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @ApiOkResponse({ type: ClientView })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  update(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: UpdateClientContactDto) {
    return this.clients.updateContact(clientId, dto, { id: principal.id, role: 'admin' });
  }
}
