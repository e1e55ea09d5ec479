import { Body, Controller, Get, Head, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiConsumes,
  ApiGoneResponse,
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
import { Admitted, DeliveriesService, DeliveryCredentialGuard, DeliveryDownloads } from '#deliveries';
import type { AdmittedDelivery } from '#deliveries';
import { CreateDeliveryDto, DeliveryClientQueryDto, DeliveryQueryDto, DownloadFormDto } from './delivery.dto';

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
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDeliveryDto) {
    return this.deliveries.create(principal, dto);
  }

  @Get()
  @ApiBearerAuth()
  @Roles('client', 'admin')
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeliveryQueryDto) {
    return this.deliveries.list(principal, query);
  }

  @Get(':deliveryId')
  @ApiBearerAuth()
  @Roles('client', 'admin')
  get(@CurrentPrincipal() principal: Principal, @Param('deliveryId', ParseUUIDPipe) deliveryId: string, @Query() query: DeliveryClientQueryDto) {
    return this.deliveries.get(principal, deliveryId, query);
  }

  /** Declared before the GET so Express does not answer HEAD with it: a probe never claims or consumes. */
  @Head(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
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
  @ApiParam({ name: 'deliveryId', format: 'uuid' })
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

  /** HTTP Basic `id:password`, no bearer token. Streams the ZIP; completed, it consumes the delivery. */
  @Get(':deliveryId/download')
  @Public()
  @ApiBasicAuth()
  @ApiProduces('application/zip')
  @UseGuards(DeliveryCredentialGuard)
  download(@Admitted() delivery: AdmittedDelivery, @Res() res: Response) {
    return this.downloads.download(delivery, res);
  }
}
