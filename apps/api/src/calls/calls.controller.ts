import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsIngestKey, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService, RecordingIngestService } from '#calls';
import { ApiErrors } from '../common/api-docs';
import { CallDto, CallerMessageDto, CreateCallDto, CreateMessageDto, IngestedRecordingDto } from './call.dto';

const AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/mp4', 'application/octet-stream'];

@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly ingest: RecordingIngestService,
  ) {}

  @Post()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Log a call answered for a client' })
  @ApiCreatedResponse({ type: CallDto })
  @ApiErrors(400, 401, 403, 404)
  createCall(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCallDto) {
    return this.calls.createCall(principal, dto);
  }

  @Post(':callId/messages')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: "Log the caller's message on a call (validated against the client's intake fields)" })
  @ApiCreatedResponse({ type: CallerMessageDto })
  @ApiErrors(400, 401, 403, { status: 404, description: "No such call, or not this agent's call within its working window" })
  addMessage(@CurrentPrincipal() principal: Principal, @Param('callId', ParseUUIDPipe) callId: string, @Body() dto: CreateMessageDto) {
    return this.calls.addMessage(principal, callId, dto);
  }

  /**
   * The raw audio as the request body, streamed (no body parser runs for audio types): sniffed,
   * measured, encrypted and stored while it arrives.
   */
  @Put(':callId/recording')
  @HttpCode(201)
  @Roles('agent', 'supervisor')
  @AcceptsIngestKey()
  @ApiSecurity('ingest-key')
  @ApiConsumes(...AUDIO_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: "Stream a call's recording (raw audio body), encrypted as it arrives" })
  @ApiCreatedResponse({ type: IngestedRecordingDto })
  @ApiErrors(
    400,
    401,
    403,
    404,
    { status: 409, description: 'The call already has a recording' },
    { status: 413, description: 'Larger than RECORDING_MAX_BYTES' },
    { status: 415, description: 'Not audio: the Content-Type or the leading bytes say otherwise' },
  )
  @ApiHeader({ name: 'Content-Length', required: false, description: 'Known length: checked against the limit before reading (413)' })
  async uploadRecording(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', ParseUUIDPipe) callId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const length = Number(req.headers['content-length'] ?? NaN);
    try {
      return await this.ingest.ingest(principal, callId, {
        body: req,
        contentType: req.headers['content-type'],
        contentLength: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
      });
    } catch (error) {
      // The rest of an unread body is not worth receiving: answer, then close the connection.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  }
}
