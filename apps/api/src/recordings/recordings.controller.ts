import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { RecordingsService } from '#calls';
import { ApiErrors } from '../common/api-docs';
import { ListQueryDto } from '../messages/list-query.dto';
import { RecordingDto } from './recording.dto';

/** Recording metadata (status, size, sha256, deletedAt); the audio itself only ever leaves through a delivery. */
@ApiTags('recordings')
@ApiBearerAuth()
@Roles('client', 'agent', 'supervisor', 'admin', 'dpo')
@Controller('recordings')
export class RecordingsController {
  constructor(private readonly recordings: RecordingsService) {}

  @Get()
  @ApiOperation({ summary: 'Recording metadata, newest first; the audio leaves only through a delivery' })
  @ApiOkResponse({ type: [RecordingDto] })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQueryDto) {
    return this.recordings.list(principal, query);
  }

  @Get(':recordingId')
  @ApiOperation({ summary: "One recording's metadata: status, size, SHA-256 and times" })
  @ApiOkResponse({ type: RecordingDto })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('recordingId', ParseUUIDPipe) recordingId: string) {
    return this.recordings.get(principal, recordingId);
  }
}
