import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IngestKeysService, Roles, actorOf } from '#access';
import type { Principal } from '#access';
import { ClientsService } from '#clients';
import { CreateClientDto, CreateIngestKeyDto, TerminateClientDto } from './client.dto';

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
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateClientDto) {
    const { client, instructions } = await this.clients.create(dto, { id: principal.id, role: 'admin' });
    return { ...client, instructions };
  }

  /** Audited: client records hold business contacts. The DPO needs them too: break-glass and breaches name one. */
  @Get()
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: 'Every client business (the read is audited)' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.clients.list(actorOf(principal));
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One client business (the read is audited under that client)' })
  get(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string) {
    return this.clients.read(clientId, { id: principal.id, role: 'admin' });
  }

  /** Ends the contract: no new calls or recordings; data runs down on the retention schedules. */
  @Post(':clientId/termination')
  @HttpCode(200)
  terminate(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: TerminateClientDto) {
    return this.clients.terminate(clientId, dto.endedAt, { id: principal.id, role: 'admin' });
  }

  @Post(':clientId/ingest-keys')
  issueIngestKey(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateIngestKeyDto) {
    return this.ingestKeys.issue(clientId, dto.label, { id: principal.id });
  }

  @Get(':clientId/ingest-keys')
  async listIngestKeys(@Param('clientId', ParseUUIDPipe) clientId: string) {
    const keys = await this.ingestKeys.list(clientId);
    return keys.map(({ secretHash: _hash, ...key }) => key);
  }

  @Delete(':clientId/ingest-keys/:keyId')
  @HttpCode(204)
  revokeIngestKey(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ) {
    return this.ingestKeys.revoke(clientId, keyId, { id: principal.id });
  }
}
