import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { WebhookEndpointsService } from '#notifications';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDto } from './notification.dto';
import { ApiErrors } from '../common/api-docs';

/** A client's webhook endpoints: the client itself or an admin (the guard closes them to other clients). */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin', 'client')
@ApiParam({ name: 'clientId', format: 'uuid' })
@ApiErrors(401, 403, { status: 404, description: 'No such client (or another client’s)' })
@Controller('clients/:clientId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Post()
  @ApiOperation({ summary: 'Adds a webhook endpoint; answers its signing secret (whsec_…) this once' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiErrors(400)
  create(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(clientId, dto, actorOf(principal));
  }

  @Get()
  @ApiOperation({ summary: "The client's webhook endpoints (never their secrets)" })
  @ApiOkResponse({ type: WebhookDto, isArray: true })
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<WebhookDto[]> {
    return this.webhooks.list(clientId);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a webhook endpoint; what was still pending for it is not sent' })
  @ApiParam({ name: 'webhookId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Param('webhookId', ParseUUIDPipe) webhookId: string): Promise<void> {
    return this.webhooks.remove(clientId, webhookId, actorOf(principal));
  }
}
