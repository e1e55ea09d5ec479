import { DeletionOutboxEntry } from './deletion/deletion-outbox.entity';
import { DeliveryItem } from './delivery-item.entity';
import { Delivery } from './delivery.entity';
import { Deliveries1700000000600 } from './migrations/1700000000600-Deliveries';
import { DeliveryReceipts1700000001110 } from './migrations/1700000001110-DeliveryReceipts';

export { Delivery } from './delivery.entity';
export type { DeliveryConsumedBy, DeliveryStatus } from './delivery.entity';
export { DeliveryItem } from './delivery-item.entity';
export type { DeliveryItemDisposition, DeliveryItemKind } from './delivery-item.entity';
export { DeletionOutboxEntry } from './deletion/deletion-outbox.entity';
export type { DeletionReason, DeletionStatus } from './deletion/deletion-outbox.entity';

export { DeletionModule, DeliveriesModule } from './deliveries.module';
export { DeliveriesService, downloadPath, receiptPath } from './deliveries.service';
export type { CreatedDelivery, DeliveryView, NewDelivery, RequestedDelivery } from './deliveries.service';
export { DeliveryCredentials } from './delivery-credentials';
export type { AdmittedDelivery, CredentialMode } from './delivery-credentials';
export { Admitted, DeliveryCredentialGuard } from './delivery-credential.guard';
export { DeliveryClaims } from './delivery-claims';
export type { DeliveryClaim } from './delivery-claims';
export { DeliveryDownloads } from './delivery-downloads.service';
export { DeliveryReceipts } from './delivery-receipts.service';
export { DeliveryConsumption } from './delivery-consumption';
export type { Manifest, ManifestFile, DeliveredMessage } from './delivery-archive';
export { DELIVERY_RULES } from './delivery-settings';
export {
  DELIVERIES_ERROR_CODES,
  DeliveryBusyError,
  DeliveryCredentialError,
  DeliveryGoneError,
  DeliveryLockedError,
  DeliveryNotSentError,
  DeliveryRangeError,
  DeliveryReceiptMismatchError,
  NoDeliveryContactError,
} from './errors';
export type { DeliveriesErrorCode } from './errors';

export { DELETE_RECORDING_JOB, DELETIONS_QUEUE, SWEEP_OUTBOX_JOB, SWEEP_RECEIPTS_JOB, SWEEP_RETENTION_JOB } from './deletion/deletion-queue';
export type { DeleteRecordingJob } from './deletion/deletion-queue';
export { DeletionScheduler } from './deletion/deletion-scheduler';
export { DeletionSweeper } from './deletion/deletion-sweeper';
export type { OutboxSweepResult, ReceiptSweepResult, RetentionSweepResult } from './deletion/deletion-sweeper';
export { ObjectStillPresentError, RecordingDeletionService } from './deletion/recording-deletion.service';
export type { DeletionOutcome } from './deletion/recording-deletion.service';

export const deliveriesEntities = [Delivery, DeliveryItem, DeletionOutboxEntry];
export const deliveriesMigrations = [Deliveries1700000000600, DeliveryReceipts1700000001110];
