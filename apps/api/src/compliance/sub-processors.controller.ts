import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { SubProcessorsService } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { CreateSubProcessorDto, SubProcessorDto, SubProcessorTransferDto, TransferDto, UpdateSubProcessorDto } from './sub-processor.dto';

@ApiTags('sub-processors')
@ApiBearerAuth()
@Controller('sub-processors')
export class SubProcessorsController {
  constructor(private readonly subProcessors: SubProcessorsService) {}

  @Post()
  @Roles('dpo')
  @ApiOperation({ summary: 'Register a sub-processor (outside the UK/EEA only with a transfer mechanism)' })
  @ApiCreatedResponse({ type: SubProcessorDto })
  @ApiErrors(400, 401, 403, { status: 409, description: 'A sub-processor with this name is registered already (name_taken)' })
  register(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSubProcessorDto) {
    return this.subProcessors.register(principal, dto);
  }

  @Get()
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'The sub-processor register, by name' })
  @ApiOkResponse({ type: [SubProcessorDto] })
  @ApiErrors(401, 403)
  list() {
    return this.subProcessors.list();
  }

  @Get(':id')
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'One sub-processor' })
  @ApiOkResponse({ type: SubProcessorDto })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.subProcessors.get(id);
  }

  @Patch(':id')
  @Roles('dpo')
  @ApiOperation({ summary: "Change a sub-processor's location, purpose, categories, transfer mechanism or status" })
  @ApiOkResponse({ type: SubProcessorDto })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'The new location needs a transfer mechanism (transfer_mechanism_required)' })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSubProcessorDto) {
    return this.subProcessors.update(principal, id, dto);
  }

  /** Records a transfer of personal data to the sub-processor; 409 when the register does not allow it. */
  @Post(':id/transfers')
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Record a transfer of personal data to a sub-processor' })
  @ApiCreatedResponse({ type: SubProcessorTransferDto })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'The register does not allow it: ended, no transfer mechanism, or a category its contract does not cover' })
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferDto) {
    return this.subProcessors.recordTransfer(principal, id, dto);
  }
}
