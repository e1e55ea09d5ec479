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
import { ClientsService } from '#clients';
import { ApiErrors } from '../common/api-docs';
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
  @ApiErrors(400, 401, 403, 404)
  update(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: UpdateClientContactDto) {
    return this.clients.updateContact(clientId, dto, { id: principal.id, role: 'admin' });
  }
}
