import { Client } from './client.entity';
import { Clients1700000000300 } from './migrations/1700000000300-Clients';
import { ProcessingInstructions1700000000310 } from './migrations/1700000000310-ProcessingInstructions';
import { ReceiptWindow1700000001100 } from './migrations/1700000001100-ReceiptWindow';
import { IntakeGreeting1700000001700 } from './migrations/1700000001700-IntakeGreeting';
import { NotificationSettings1700000001600 } from './migrations/1700000001600-NotificationSettings';
import { InstructionVersionsFixed1700000002030 } from './migrations/1700000002030-InstructionVersionsFixed';
import { ProcessingInstructions } from './processing-instructions.entity';

export { Client } from './client.entity';
export { ClientContacts } from './client-contacts.repository';
export type { ClientContactRow, ContactChanges } from './client-contacts.repository';
export { ClientsModule } from './clients.module';
export { ClientsService } from './clients.service';
export type { CallerDataRetentionTerms, ClientContact, InstructionChanges, IntakeScript, NewClient } from './clients.service';
export { ProcessingInstructions } from './processing-instructions.entity';
export type { IntakeField } from './processing-instructions.entity';
export { CLIENT_NOTICE_EVENTS } from './notification-settings';
export type { ClientNoticeEvent, EmailRecipient, NotificationSettings } from './notification-settings';

export const clientsEntities = [Client, ProcessingInstructions];
export const clientsMigrations = [Clients1700000000300, ProcessingInstructions1700000000310, ReceiptWindow1700000001100, NotificationSettings1700000001600, IntakeGreeting1700000001700, InstructionVersionsFixed1700000002030];
export { CLIENTS_ERROR_CODES } from './errors';
export type { ClientsErrorCode } from './errors';
