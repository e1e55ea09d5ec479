import { Body, Controller, Get, Head, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '#access';
import type { Principal } from '#access';
import { Admitted, DeliveriesService, DeliveryCredentialGuard, DeliveryDownloads } from '#deliveries';
import type { AdmittedDelivery } from '#deliveries';
import { ApiErrors } from '../common/api-docs';
import { CreateDeliveryDto, CreatedDeliveryDto, DeliveryClientQueryDto, DeliveryDto, DeliveryQueryDto } from './delivery.dto';

const DELIVERY_ID = ApiParam({ name: 'deliveryId', format: 'uuid', description: 'Also the user name of the HTTP Basic credential' });
const ZIP_HEADERS = {
  'Content-Disposition': { description: 'attachment; filename="callvault-delivery-<id>.zip"', schema: { type: 'string' } },
  'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
  'Accept-Ranges': { description: 'none: the archive is served whole, once', schema: { type: 'string' } },
};
const CREDENTIAL_ERRORS = ApiErrors(
  { status: 401, description: "No credential, or not this delivery's password (WWW-Authenticate: Basic); wrong passwords count towards the lock" },
  { status: 404, description: 'No such delivery' },
  { status: 410, description: 'Already downloaded (delivery_consumed) or expired (delivery_expired)' },
  { status: 423, description: 'Locked after too many wrong passwords (delivery_locked)' },
);

@ApiTags('deliveries')
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly downloads: DeliveryDownloads,
  ) {}

  /** Answers `{id, password, expiresAt, downloadUrl}`: the one-time password is shown this once. */
  @Post()
  @ApiBearerAuth()
  @Roles('client', 'admin')
  @ApiOperation({ summary: 'Create a one-time delivery of chosen (or all undelivered) messages and recordings; the password is shown once' })
  @ApiCreatedResponse({ type: CreatedDeliveryDto })
  @ApiErrors(400, 401, 403, 404, { status: 409, description: 'Nothing is waiting to be delivered (nothing_to_deliver), or a chosen recording is no longer stored (recording_not_deliverable)' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDeliveryDto) {
    return this.deliveries.create(principal, dto);
  }

  @Get()
  @ApiBearerAuth()
  @Roles('client', 'admin')
  @ApiOperation({ summary: "The client's deliveries, newest first" })
  @ApiOkResponse({ type: [DeliveryDto] })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeliveryQueryDto) {
    return this.deliveries.list(principal, query);
  }

  @Get(':deliveryId')
  @ApiBearerAuth()
  @Roles('client', 'admin')
  @ApiOperation({ summary: "A delivery's state, counts and expiry" })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('deliveryId', ParseUUIDPipe) deliveryId: string, @Query() query: DeliveryClientQueryDto) {
    return this.deliveries.get(principal, deliveryId, query);
  }

  /** Declared before the GET so Express does not answer HEAD with it: a probe never claims or consumes. */
  @Head(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @UseGuards(DeliveryCredentialGuard)
  @ApiOperation({ summary: "Probe a delivery's download headers; never claims, consumes or counts" })
  @DELIVERY_ID
  @ApiOkResponse({ description: 'The headers a download would get, no body', headers: ZIP_HEADERS })
  @CREDENTIAL_ERRORS
  probe(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    this.downloads.probe(delivery, res);
  }

  /** HTTP Basic `id:password`, no bearer token. Streams the ZIP; completed, it consumes the delivery. */
  @Get(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @UseGuards(DeliveryCredentialGuard)
  @ApiOperation({ summary: 'Download the delivery as one ZIP (HTTP Basic id:password); a completed download consumes it' })
  @DELIVERY_ID
  @ApiOkResponse({
    description: 'messages.json, messages.csv, the recordings and manifest.json with SHA-256 checksums, streamed',
    headers: ZIP_HEADERS,
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @CREDENTIAL_ERRORS
  @ApiErrors(
    { status: 409, description: 'Another download of this delivery is running (delivery_busy)' },
    { status: 416, description: 'Range requests are refused and never consume (delivery_range)' },
  )
  download(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }
}
