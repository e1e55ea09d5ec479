import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IngestKeysService, Roles, actorOf } from '#access';
import type { Principal } from '#access';
import { ClientsService } from '#clients';
import { ApiErrors } from '../common/api-docs';
import { ClientDto, CreateClientDto, CreatedClientDto, CreateIngestKeyDto, IngestKeyDto, IssuedIngestKeyDto, TerminateClientDto } from './client.dto';

@ApiTags('clients')
@ApiBearerAuth()
@Roles('admin')
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly ingestKeys: IngestKeysService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a client business with version 1 of its processing instructions' })
  @ApiCreatedResponse({ type: CreatedClientDto })
  @ApiErrors(400, 401, 403)
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateClientDto) {
    const { client, instructions } = await this.clients.create(dto, { id: principal.id, role: 'admin' });
    return { ...client, instructions };
  }

  /** Audited: client records hold business contacts. The DPO needs them too: break-glass and breaches name one. */
  @Get()
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: 'Every client business, oldest first (the read is audited)' })
  @ApiOkResponse({ type: [ClientDto] })
  @ApiErrors(401, 403)
  list(@CurrentPrincipal() principal: Principal) {
    return this.clients.list(actorOf(principal));
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One client business (the read is audited under that client)' })
  @ApiOkResponse({ type: ClientDto })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.read(clientId, { id: principal.id, role: 'admin' });
  }

  /** Ends the contract: no new calls or recordings; data runs down on the retention schedules. */
  @Post(':clientId/termination')
  @HttpCode(200)
  @ApiOperation({ summary: "End a client's contract; its data then runs down on the retention schedules" })
  @ApiOkResponse({ type: ClientDto })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'Already terminated (code already_terminated)' })
  terminate(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: TerminateClientDto) {
    return this.clients.terminate(clientId, dto.endedAt, { id: principal.id, role: 'admin' });
  }

  @Post(':clientId/ingest-keys')
  @ApiOperation({ summary: "Issue an ingest key for the client's telephony system (the key is shown once)" })
  @ApiCreatedResponse({ type: IssuedIngestKeyDto })
  @ApiErrors(400, 401, 403, 404)
  issueIngestKey(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateIngestKeyDto) {
    return this.ingestKeys.issue(clientId, dto.label, { id: principal.id });
  }

  @Get(':clientId/ingest-keys')
  @ApiOperation({ summary: "The client's ingest keys (never their secrets)" })
  @ApiOkResponse({ type: [IngestKeyDto] })
  @ApiErrors(400, 401, 403)
  async listIngestKeys(@Param('clientId', ParseUUIDPipe) clientId: string) {
    const keys = await this.ingestKeys.list(clientId);
    return keys.map(({ secretHash: _hash, ...key }) => key);
  }

  @Delete(':clientId/ingest-keys/:keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an ingest key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(400, 401, 403, { status: 404, description: 'No such key of this client, or already revoked' })
  revokeIngestKey(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ) {
    return this.ingestKeys.revoke(clientId, keyId, { id: principal.id });
  }
}
