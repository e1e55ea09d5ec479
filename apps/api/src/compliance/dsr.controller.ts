import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { DsrService } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { CreateDsrDto, DsrActionDto, DsrInboxItemDto, DsrListQueryDto, DsrRequestDto } from './dsr.dto';

/** The DPO gets the whole request; a client user the request as forwarded to its client. */
const REQUEST_OR_INBOX_ITEM = { oneOf: [{ $ref: getSchemaPath(DsrRequestDto) }, { $ref: getSchemaPath(DsrInboxItemDto) }] };

@ApiTags('data subject requests')
@ApiBearerAuth()
@ApiExtraModels(DsrRequestDto, DsrInboxItemDto)
@Controller('dsr')
export class DsrController {
  constructor(private readonly dsr: DsrService) {}

  @Post()
  @Roles('dpo')
  @ApiOperation({ summary: "Record a data subject request; caller records found are forwarded to each owning client" })
  @ApiCreatedResponse({ type: DsrRequestDto })
  @ApiErrors(400, 401, 403)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDsrDto) {
    return this.dsr.create(principal, dto);
  }

  /** DPO: open requests, overdue first. Client user: the requests forwarded to its client (its inbox). */
  @Get()
  @Roles('dpo', 'client')
  @ApiOperation({ summary: 'DPO: requests, overdue first. Client user: the requests forwarded to its client' })
  @ApiOkResponse({ description: 'DsrRequestDto items for the DPO, DsrInboxItemDto items for a client user', schema: { type: 'array', items: REQUEST_OR_INBOX_ITEM } })
  @ApiErrors(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: DsrListQueryDto) {
    return this.dsr.list(principal, query.status);
  }

  @Get(':id')
  @Roles('dpo', 'client')
  @ApiOperation({ summary: 'One data subject request (a client user: as forwarded to it)' })
  @ApiOkResponse({ description: 'DsrRequestDto for the DPO, DsrInboxItemDto for a client user', schema: REQUEST_OR_INBOX_ITEM })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.dsr.get(principal, id);
  }

  @Post(':id/actions')
  @Roles('dpo', 'client')
  @HttpCode(200)
  @ApiOperation({ summary: "Work a request (DPO) or answer a forwarded one with the client's instruction" })
  @ApiOkResponse({ description: 'The request after the action, as GET /dsr/{id} answers it', schema: REQUEST_OR_INBOX_ITEM })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'The request (or the forward) is already closed' })
  act(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DsrActionDto) {
    return this.dsr.act(principal, id, dto);
  }

  /** The machine-readable export (ZIP: data.json, one CSV per kind of record, manifest.json with SHA-256s). */
  @Get(':id/export')
  @Roles('dpo', 'client')
  @ApiOperation({ summary: "The person's data, machine-readable (ZIP: data.json, CSVs, manifest.json)" })
  @ApiOkResponse({ description: 'data.json, one CSV per kind of record, manifest.json with SHA-256s', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'A client user must instruct an export first (export_not_instructed)' })
  async export(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const built = await this.dsr.export(principal, id);
    return new StreamableFile(built.stream(), { type: 'application/zip', disposition: `attachment; filename="${built.filename}"` });
  }
}
