import { Body, Controller, Get, Head, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBasicAuth,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '#access';
import type { Principal } from '#access';
import { Admitted, DeliveriesService, DeliveryCredentialGuard, DeliveryDownloads, DeliveryReceipts } from '#deliveries';
import type { AdmittedDelivery } from '#deliveries';
import {
  CreateDeliveryDto,
  CreatedDeliveryDto,
  DeliveryClientQueryDto,
  DeliveryErrorDto,
  DeliveryQueryDto,
  DeliveryReceiptDto,
  DeliveryReceiptResultDto,
  DeliveryViewDto,
  DownloadFormDto,
} from './delivery.dto';

const ID = { name: 'deliveryId', format: 'uuid', description: 'The delivery id (also the Basic user name)' } as const;

@ApiTags('deliveries')
@ApiUnauthorizedResponse({ type: DeliveryErrorDto })
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly downloads: DeliveryDownloads,
    private readonly receipts: DeliveryReceipts,
  ) {}

  @Post()
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @ApiOperation({ summary: "Create a delivery of the client's items (client users only): the one-time password is in this answer only" })
  @ApiCreatedResponse({ type: CreatedDeliveryDto })
  @ApiBadRequestResponse({ type: DeliveryErrorDto })
  @ApiForbiddenResponse({ type: DeliveryErrorDto, description: 'Operator staff never receive a delivery credential' })
  @ApiNotFoundResponse({ type: DeliveryErrorDto })
  @ApiConflictResponse({ type: DeliveryErrorDto, description: 'Nothing to deliver, or a chosen item is not deliverable' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDeliveryDto) {
    return this.deliveries.create(principal, dto);
  }

  @Get()
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @ApiOperation({ summary: "List a client's deliveries (states and counts, never a credential)" })
  @ApiOkResponse({ type: [DeliveryViewDto] })
  @ApiBadRequestResponse({ type: DeliveryErrorDto })
  @ApiForbiddenResponse({ type: DeliveryErrorDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeliveryQueryDto) {
    return this.deliveries.list(principal, query);
  }

  @Get(':deliveryId')
  @ApiBearerAuth()
  @Roles('client', 'admin', 'dpo')
  @ApiParam(ID)
  @ApiOperation({ summary: 'One delivery: status open, awaiting_receipt, consumed, expired or locked' })
  @ApiOkResponse({ type: DeliveryViewDto })
  @ApiForbiddenResponse({ type: DeliveryErrorDto })
  @ApiNotFoundResponse({ type: DeliveryErrorDto })
  get(@CurrentPrincipal() principal: Principal, @Param('deliveryId', ParseUUIDPipe) deliveryId: string, @Query() query: DeliveryClientQueryDto) {
    return this.deliveries.get(principal, deliveryId, query);
  }

  /** Declared before the GET so Express does not answer HEAD with it: a probe never claims or consumes. */
  @Head(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @ApiParam(ID)
  @ApiOperation({ summary: 'The download headers only; checks no password, claims and consumes nothing' })
  @ApiOkResponse({ description: 'No body' })
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
  @HttpCode(200)
  @ApiOperation({ summary: 'Download a delivery from a browser form (password in the form body)' })
  @ApiParam(ID)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP archive (messages, recordings, manifest)', schema: { type: 'string', format: 'binary' } })
  @ApiUnauthorizedResponse({ description: 'Wrong or missing password' })
  @ApiGoneResponse({ description: 'Consumed or expired' })
  @ApiResponse({ status: 423, description: 'Locked after too many wrong passwords' })
  @ApiConflictResponse({ description: 'A download of it is already running' })
  @UseGuards(DeliveryCredentialGuard)
  downloadFromForm(@Admitted() delivery: AdmittedDelivery, @Body() _form: DownloadFormDto, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }

  /** HTTP Basic `id:password`, no bearer token. Streams the ZIP; sent completely, it awaits the client's receipt. */
  @Get(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @ApiParam(ID)
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Download the archive (same bytes on every attempt, with Content-Length); consumes nothing until the receipt' })
  @ApiOkResponse({ description: 'The ZIP archive', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ type: DeliveryErrorDto, description: 'Another download of this delivery is running' })
  @ApiGoneResponse({ type: DeliveryErrorDto, description: 'Consumed or expired' })
  @ApiResponse({ status: 416, type: DeliveryErrorDto, description: 'Range requests are not served' })
  @ApiResponse({ status: 423, type: DeliveryErrorDto, description: 'Locked after too many wrong passwords' })
  @UseGuards(DeliveryCredentialGuard)
  download(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }

  /** HTTP Basic `id:password`, no bearer token: the client proves it holds the whole archive, and only then is it consumed. */
  @Post(':deliveryId/receipt')
  @HttpCode(200)
  @Public()
  @ApiBasicAuth()
  @ApiParam(ID)
  @ApiOperation({ summary: "Confirm receipt with the archive's SHA-256: consumes the delivery and starts deleting its recordings" })
  @ApiOkResponse({ type: DeliveryReceiptResultDto })
  @ApiBadRequestResponse({ type: DeliveryErrorDto })
  @ApiConflictResponse({ type: DeliveryErrorDto, description: 'The digest differs from the archive sent, or nothing was sent completely yet; nothing consumed' })
  @ApiGoneResponse({ type: DeliveryErrorDto, description: 'Already consumed, or expired' })
  @ApiResponse({ status: 423, type: DeliveryErrorDto, description: 'Locked after too many wrong passwords' })
  @UseGuards(DeliveryCredentialGuard)
  receipt(@Admitted() delivery: AdmittedDelivery, @Body() dto: DeliveryReceiptDto) {
    return this.receipts.confirm(delivery, dto.sha256);
  }
}
