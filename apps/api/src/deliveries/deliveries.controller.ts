import { Body, Controller, Get, Head, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBasicAuth, ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '#access';
import type { Principal } from '#access';
import { Admitted, DeliveriesService, DeliveryCredentialGuard, DeliveryDownloads, DeliveryReceipts } from '#deliveries';
import type { AdmittedDelivery } from '#deliveries';
import { ApiErrors } from '../common/api-docs';
import {
  CreateDeliveryDto,
  CreatedDeliveryDto,
  DeliveryClientQueryDto,
  DeliveryQueryDto,
  DeliveryReceiptDto,
  DeliveryReceiptResultDto,
  DeliveryViewDto,
  DownloadFormDto,
  RequestedDeliveryDto,
} from './delivery.dto';

const DELIVERY_ID = ApiParam({ name: 'deliveryId', format: 'uuid', description: 'The delivery id (also the user name of the HTTP Basic credential)' });
const ZIP_HEADERS = {
  'Content-Disposition': { description: 'attachment; filename="callvault-delivery-<id>.zip"', schema: { type: 'string' } },
  'Content-Length': { description: 'The archive is deterministic: the same length on every attempt', schema: { type: 'integer' } },
  'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
  'Accept-Ranges': { description: 'none: the archive is served whole', schema: { type: 'string' } },
};
const ZIP_BODY = {
  description: 'messages.json, messages.csv, the recordings and manifest.json with SHA-256 checksums, streamed',
  headers: ZIP_HEADERS,
  content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
};
const CREDENTIAL_ERRORS = ApiErrors(
  { status: 401, description: "No credential, or not this delivery's password (WWW-Authenticate: Basic); wrong passwords count towards the lock" },
  { status: 404, description: 'No such delivery' },
  { status: 410, description: 'Already consumed (delivery_consumed) or expired (delivery_expired)' },
  { status: 423, description: 'Locked after too many wrong passwords (delivery_locked)' },
);
const DOWNLOAD_ERRORS = ApiErrors(
  { status: 409, description: 'Another download of this delivery is running (delivery_busy)' },
  { status: 416, description: 'Range requests are refused and never consume (delivery_range)' },
);

@ApiTags('deliveries')
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly downloads: DeliveryDownloads,
    private readonly receipts: DeliveryReceipts,
  ) {}

  /** A client user gets the password here (201); an admin or the DPO gets 202 and the client's delivery contact gets the password. */
  @Post()
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @ApiOperation({
    summary: "Create a delivery of the client's items: a client user gets the one-time password in this answer only; an admin or the DPO (clientId required) has it sent to the client's delivery contact",
  })
  @ApiCreatedResponse({ type: CreatedDeliveryDto, description: 'Created by a client user: the one-time password is in this answer only' })
  @ApiAcceptedResponse({ type: RequestedDeliveryDto, description: "Requested by an admin or the DPO: created, and its password sent to the client's delivery contact (never in this answer)" })
  @ApiErrors(
    400,
    401,
    { status: 403, description: 'The role may not create deliveries, or (admin, DPO) the client has no delivery contact to receive the password (no_delivery_contact)' },
    404,
    { status: 409, description: 'Nothing to deliver (nothing_to_deliver), or a chosen item is not deliverable' },
  )
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDeliveryDto, @Res({ passthrough: true }) res: Response) {
    const result = await this.deliveries.create(principal, dto);
    if ('credentialsSentTo' in result) res.status(202);
    return result;
  }

  @Get()
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @ApiOperation({ summary: "A client's deliveries, newest first (states and counts, never a credential)" })
  @ApiOkResponse({ type: [DeliveryViewDto] })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeliveryQueryDto) {
    return this.deliveries.list(principal, query);
  }

  @Get(':deliveryId')
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @DELIVERY_ID
  @ApiOperation({ summary: 'One delivery: status open, awaiting_receipt, consumed, expired or locked' })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('deliveryId', ParseUUIDPipe) deliveryId: string, @Query() query: DeliveryClientQueryDto) {
    return this.deliveries.get(principal, deliveryId, query);
  }

  /** Declared before the GET so Express does not answer HEAD with it: a probe never claims or consumes. */
  @Head(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @DELIVERY_ID
  @ApiOperation({ summary: "Probe a delivery's download headers; never claims, consumes or counts" })
  @ApiOkResponse({ description: 'The headers a download would get, no body', headers: ZIP_HEADERS })
  @CREDENTIAL_ERRORS
  @UseGuards(DeliveryCredentialGuard)
  probe(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    this.downloads.probe(delivery, res);
  }

  /**
   * The same download for a browser: the portal posts a form with the password, so the archive goes
   * through the browser's own file save, streamed to disk. Same checks, counting and consumption.
   */
  @Post(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Download a delivery from a browser form (password in the form body); consumes nothing until the receipt' })
  @DELIVERY_ID
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse(ZIP_BODY)
  @CREDENTIAL_ERRORS
  @DOWNLOAD_ERRORS
  @ApiErrors(400)
  @UseGuards(DeliveryCredentialGuard)
  downloadFromForm(@Admitted() delivery: AdmittedDelivery, @Body() _form: DownloadFormDto, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }

  /** HTTP Basic `id:password`, no bearer token. Streams the ZIP; sent completely, it awaits the client's receipt. */
  @Get(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @DELIVERY_ID
  @ApiOperation({ summary: 'Download the archive (HTTP Basic id:password; same bytes on every attempt, with Content-Length); consumes nothing until the receipt' })
  @ApiOkResponse(ZIP_BODY)
  @CREDENTIAL_ERRORS
  @DOWNLOAD_ERRORS
  @UseGuards(DeliveryCredentialGuard)
  download(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }

  /** HTTP Basic `id:password`, no bearer token: the client proves it holds the whole archive, and only then is it consumed. */
  @Post(':deliveryId/receipt')
  @HttpCode(200)
  @Public()
  @ApiBasicAuth()
  @DELIVERY_ID
  @ApiOperation({ summary: "Confirm receipt with the archive's SHA-256: consumes the delivery and starts deleting its recordings" })
  @ApiOkResponse({ type: DeliveryReceiptResultDto })
  @CREDENTIAL_ERRORS
  @ApiErrors(400, { status: 409, description: 'The digest differs from the archive sent, or nothing was sent completely yet; nothing consumed' })
  @UseGuards(DeliveryCredentialGuard)
  receipt(@Admitted() delivery: AdmittedDelivery, @Body() dto: DeliveryReceiptDto) {
    return this.receipts.confirm(delivery, dto.sha256);
  }
}
