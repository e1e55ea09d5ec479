import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { ClientPublicKeyRecord, ClientPublicKeysService } from '#calls';
import { NotFoundError } from '#errors';
import { ApiErrors } from '../common/api-docs';
import { ClientPublicKeyDto, RegisterPublicKeyDto } from './client-public-key.dto';

const view = ({ client: _client, ...record }: ClientPublicKeyRecord) => record;

/** A client's RSA public key or certificate, for end-to-end delivery of its recordings. */
@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients/:clientId/public-key')
export class ClientPublicKeyController {
  constructor(private readonly keys: ClientPublicKeysService) {}

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: "Register (or replace) the client's RSA public key or certificate" })
  @ApiOkResponse({ type: ClientPublicKeyDto })
  @ApiErrors(400, 401, 403, 404)
  async register(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: RegisterPublicKeyDto) {
    return view(await this.keys.register({ id: principal.id }, clientId, dto.pem));
  }

  @Get()
  @Roles('admin', 'client')
  @ApiOperation({ summary: "The client's registered public key" })
  @ApiOkResponse({ type: ClientPublicKeyDto })
  @ApiErrors(400, 401, 403, { status: 404, description: 'No key registered, or not this client' })
  async get(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string) {
    if (principal.clientId && principal.clientId !== clientId) throw new NotFoundError('Public key');
    return view(await this.keys.get(clientId));
  }
}
