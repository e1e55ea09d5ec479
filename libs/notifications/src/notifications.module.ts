import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ClientsModule } from '#clients';
import { CallerMessages } from './caller-message-source';
import { DeadlineRemindersRepository } from './deadline-reminders.repository';
import { Mailer } from './mailer';
import { NoticesRepository } from './notices.repository';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { NOTIFICATIONS_QUEUE } from './notification-queue';
import { NotificationScheduler } from './notification.scheduler';
import { NotificationSender } from './notification-sender';
import { NotificationSweeper } from './notification-sweeper';
import { OpenNoticeHints } from './open-notice-hints';
import { NotificationsService } from './notifications.service';
import { SealedSecrets } from './sealed-secrets';
import { UrgentEscalationsRepository } from './urgent-escalations.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/**
 * Notices to clients, admins and the DPO: the outbox writer other libraries call in their own
 * transactions, webhook endpoints, and (for the worker) the sender and the sweep. Needs only the
 * platform (database, audit, clock, queue, config) and the clients library.
 */
@Module({
  imports: [ClientsModule, BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [
    CallerMessages,
    Mailer,
    NotificationScheduler,
    NotificationSender,
    NotificationSweeper,
    NotificationsService,
    OpenNoticeHints,
    SealedSecrets,
    WebhookEndpointsService,
    // The SQL of the library's tables, for its services only.
    NoticesRepository,
    NotificationOutboxRepository,
    WebhookEndpointsRepository,
    UrgentEscalationsRepository,
    DeadlineRemindersRepository,
  ],
  exports: [CallerMessages, NotificationScheduler, NotificationSender, NotificationSweeper, NotificationsService, WebhookEndpointsService],
})
export class NotificationsModule {}
