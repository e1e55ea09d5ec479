import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsIngestKey, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService, RecordingIngestService } from '#calls';
import { CreateCallDto, CreateMessageDto } from './call.dto';

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
  createCall(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCallDto) {
    return this.calls.createCall(principal, dto);
  }

  @Post(':callId/messages')
  @Roles('agent', 'supervisor')
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
