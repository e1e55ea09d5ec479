import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { NotificationsService } from '#notifications';
import { NotificationDto, NotificationQueryDto } from './notification.dto';
import { ApiErrors } from '../common/api-docs';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles('client', 'admin', 'dpo')
  @ApiOperation({ summary: "Notices, newest first: a client user its own client's; admins the operator's (or one client's with clientId); the DPO its reminders" })
  @ApiOkResponse({ type: NotificationDto, isArray: true })
  @ApiErrors(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationQueryDto): Promise<NotificationDto[]> {
    return this.notifications.list({ role: principal.kind === 'user' ? principal.role : 'client', clientId: principal.clientId }, query);
  }
}
