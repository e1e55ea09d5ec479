import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { SubProcessorsService } from '#compliance';
import { CreateSubProcessorDto, TransferDto, UpdateSubProcessorDto } from './sub-processor.dto';

@ApiTags('sub-processors')
@ApiBearerAuth()
@Controller('sub-processors')
export class SubProcessorsController {
  constructor(private readonly subProcessors: SubProcessorsService) {}

  @Post()
  @Roles('dpo')
  register(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSubProcessorDto) {
    return this.subProcessors.register(principal, dto);
  }

  @Get()
  @Roles('dpo', 'admin')
  list() {
    return this.subProcessors.list();
  }

  @Get(':id')
  @Roles('dpo', 'admin')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.subProcessors.get(id);
  }

  @Patch(':id')
  @Roles('dpo')
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSubProcessorDto) {
    return this.subProcessors.update(principal, id, dto);
  }

  /** Records a transfer of personal data to the sub-processor; 409 when the register does not allow it. */
  @Post(':id/transfers')
  @Roles('dpo', 'admin')
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferDto) {
    return this.subProcessors.recordTransfer(principal, id, dto);
  }
}
