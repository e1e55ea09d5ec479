import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { DsrService } from '#compliance';
import { CreateDsrDto, DsrActionDto, DsrListQueryDto } from './dsr.dto';

@ApiTags('data subject requests')
@ApiBearerAuth()
@Controller('dsr')
export class DsrController {
  constructor(private readonly dsr: DsrService) {}

  @Post()
  @Roles('dpo')
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDsrDto) {
    return this.dsr.create(principal, dto);
  }

  /** DPO: open requests, overdue first. Client user: the requests forwarded to its client (its inbox). */
  @Get()
  @Roles('dpo', 'client')
  list(@CurrentPrincipal() principal: Principal, @Query() query: DsrListQueryDto) {
    return this.dsr.list(principal, query.status);
  }

  @Get(':id')
  @Roles('dpo', 'client')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.dsr.get(principal, id);
  }

  @Post(':id/actions')
  @Roles('dpo', 'client')
  @HttpCode(200)
  act(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DsrActionDto) {
    return this.dsr.act(principal, id, dto);
  }

  /** The machine-readable export (ZIP: data.json, one CSV per kind of record, manifest.json with SHA-256s). */
  @Get(':id/export')
  @Roles('dpo', 'client')
  @ApiProduces('application/zip')
  async export(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const built = await this.dsr.export(principal, id);
    return new StreamableFile(built.stream(), { type: 'application/zip', disposition: `attachment; filename="${built.filename}"` });
  }
}
