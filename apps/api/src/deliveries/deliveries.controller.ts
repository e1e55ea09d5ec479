import { Body, Controller, Get, Head, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '#access';
import type { Principal } from '#access';
import { Admitted, DeliveriesService, DeliveryCredentialGuard, DeliveryDownloads } from '#deliveries';
import type { AdmittedDelivery } from '#deliveries';
import { CreateDeliveryDto, DeliveryClientQueryDto, DeliveryQueryDto } from './delivery.dto';

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
