import { DeadlineReminder } from './deadline-reminder.entity';
import { Notifications1700000001610 } from './migrations/1700000001610-Notifications';
import { NoticeMessageJoins1700000001800 } from './migrations/1700000001800-NoticeMessageJoins';
import { NotificationOutboxEntry } from './notification-outbox.entity';
import { Notification } from './notification.entity';
import { UrgentEscalation } from './urgent-escalation.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export type { NoticeReader, NoticeView } from './notifications.service';
export { WebhookEndpointsService } from './webhook-endpoints.service';
export type { WebhookView } from './webhook-endpoints.service';
export { CallerMessages } from './caller-message-source';
export type { CallerMessageSource, NoticeMessageContent } from './caller-message-source';
export { NotificationScheduler } from './notification-scheduler';
export { NotificationSender } from './notification-sender';
export type { SendOutcome } from './notification-sender';
export { NotificationSweeper } from './notification-sweeper';
export type { NoticeSweepResult } from './notification-sweeper';
export { NOTIFICATIONS_QUEUE, SEND_NOTICE_JOB, SWEEP_NOTICES_JOB } from './notification-queue';
export type { SendNoticeJob } from './notification-queue';
export { Notification, NotificationOutboxEntry, WebhookEndpoint };
export type { NoticeAudience, NoticeFacts } from './notification.entity';

export const notificationsEntities = [Notification, WebhookEndpoint, NotificationOutboxEntry, UrgentEscalation, DeadlineReminder];
export const notificationsMigrations = [Notifications1700000001610, NoticeMessageJoins1700000001800];
