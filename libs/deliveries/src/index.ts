import { DeletionOutboxEntry } from './deletion/deletion-outbox.entity';
import { DeliveryItem } from './delivery-item.entity';
import { Delivery } from './delivery.entity';
import { Deliveries1700000000600 } from './migrations/1700000000600-Deliveries';

export { Delivery } from './delivery.entity';
export type { DeliveryStatus } from './delivery.entity';
export { DeliveryItem } from './delivery-item.entity';
export type { DeliveryItemKind } from './delivery-item.entity';
export { DeletionOutboxEntry } from './deletion/deletion-outbox.entity';
export type { DeletionReason, DeletionStatus } from './deletion/deletion-outbox.entity';

export { DeletionModule, DeliveriesModule } from './deliveries.module';
export { DeliveriesService, downloadPath } from './deliveries.service';
export type { CreatedDelivery, DeliveryView, NewDelivery } from './deliveries.service';
export { DeliveryCredentials } from './delivery-credentials';
export type { AdmittedDelivery, CredentialMode } from './delivery-credentials';
export { Admitted, DeliveryCredentialGuard } from './delivery-credential.guard';
export { DeliveryClaims } from './delivery-claims';
export type { DeliveryClaim } from './delivery-claims';
export { DeliveryDownloads } from './delivery-downloads.service';
export type { Manifest, ManifestFile, DeliveredMessage } from './delivery-archive';
export { DELIVERY_RULES } from './delivery-settings';
export { DeliveryBusyError, DeliveryCredentialError, DeliveryGoneError, DeliveryLockedError, DeliveryRangeError } from './errors';

export { DELETE_RECORDING_JOB, DELETIONS_QUEUE, SWEEP_OUTBOX_JOB, SWEEP_RETENTION_JOB } from './deletion/deletion-queue';
export type { DeleteRecordingJob } from './deletion/deletion-queue';
export { DeletionScheduler } from './deletion/deletion-scheduler';
export { DeletionSweeper } from './deletion/deletion-sweeper';
export type { OutboxSweepResult, RetentionSweepResult } from './deletion/deletion-sweeper';
export { ObjectStillPresentError, RecordingDeletionService } from './deletion/recording-deletion.service';
export type { DeletionOutcome } from './deletion/recording-deletion.service';

export const deliveriesEntities = [Delivery, DeliveryItem, DeletionOutboxEntry];
export const deliveriesMigrations = [Deliveries1700000000600];
