import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsIngestKey, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { CallsService, RecordingIngestService } from '#calls';
import { ApiErrors } from '../common/api-docs';
import { CallDto, CallerMessageDto, CreateCallDto, CreateMessageDto, FindCallsQueryDto, IngestedRecordingDto } from './call.dto';

const AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/mp4', 'application/octet-stream'];

@ApiTags('calls')
@ApiBearerAuth()
@ApiErrors({ status: 401, description: 'No valid bearer token or ingest key' })
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly ingest: RecordingIngestService,
  ) {}

  @Post()
  @Roles('agent', 'supervisor')
  @AcceptsIngestKey()
  @ApiSecurity('ingest-key')
  @ApiOperation({ summary: "Log a call (agent), or create one from the phone system with its ingest key and its own call id (externalRef)" })
  @ApiCreatedResponse({ type: CallDto, description: 'Created' })
  @ApiOkResponse({ type: CallDto, description: 'The client already has a call with this externalRef: that call (an endedAt it lacked is taken)' })
  @ApiErrors(
    { status: 400, description: 'Invalid body (the message names the field)' },
    { status: 403, description: "clientId is not the ingest key's client, or the role may not" },
    { status: 404, description: 'No such client (or one this agent does not serve)' },
    { status: 409, description: "An agent's externalRef belongs to a call it cannot reach" },
  )
  async createCall(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCallDto, @Res({ passthrough: true }) res: Response): Promise<CallDto> {
    const { call, created } = await this.calls.createCall(principal, dto);
    res.status(created ? 201 : 200);
    return CallDto.of(call);
  }

  @Get()
  @Roles('agent', 'supervisor')
  @AcceptsIngestKey()
  @ApiSecurity('ingest-key')
  @ApiOperation({ summary: "Find a call by the phone system's own call id (the key's client only; agents: calls they can reach)" })
  @ApiOkResponse({ type: CallDto, isArray: true, description: 'The matching call, or an empty list' })
  @ApiErrors(
    { status: 400, description: 'externalRef missing or malformed, or clientId missing for an agent' },
    { status: 403, description: "clientId is not the ingest key's client" },
    { status: 404, description: 'No such client (or one this agent does not serve)' },
  )
  async findCalls(@CurrentPrincipal() principal: Principal, @Query() query: FindCallsQueryDto): Promise<CallDto[]> {
    return (await this.calls.findByExternalRef(principal, query)).map(CallDto.of);
  }

  @Post(':callId/messages')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: "Log the caller's message on a call the agent logged, or one the phone system created, within the working window" })
  @ApiCreatedResponse({ type: CallerMessageDto })
  @ApiErrors(400, 403, { status: 404, description: "No such call, or one this agent cannot reach (another agent's, outside the window, a client it does not serve)" })
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
  @ApiOperation({ summary: "Stream a call's recording (the agent who logged it, or the phone system with the client's ingest key)" })
  @ApiCreatedResponse({ type: IngestedRecordingDto })
  @ApiErrors(
    400,
    403,
    404,
    { status: 409, description: 'The call already has a recording (recording_exists)' },
    { status: 413, description: 'Larger than RECORDING_MAX_BYTES' },
    { status: 415, description: 'Not audio: the Content-Type or the leading bytes say otherwise' },
  )
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
