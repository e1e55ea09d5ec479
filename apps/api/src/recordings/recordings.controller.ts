import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { RecordingsService } from '#calls';
import { ListQueryDto } from '../messages/list-query.dto';

/** Recording metadata (status, size, sha256, deletedAt); the audio itself only ever leaves through a delivery. */
@ApiTags('recordings')
@ApiBearerAuth()
@Roles('client', 'agent', 'supervisor', 'admin', 'dpo')
@Controller('recordings')
export class RecordingsController {
  constructor(private readonly recordings: RecordingsService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQueryDto) {
    return this.recordings.list(principal, query);
  }

  @Get(':recordingId')
  get(@CurrentPrincipal() principal: Principal, @Param('recordingId', ParseUUIDPipe) recordingId: string) {
    return this.recordings.get(principal, recordingId);
  }
}
