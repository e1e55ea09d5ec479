import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { RecordingVaultModule } from '#calls';
import { CryptoModule } from '#crypto';
import { NotificationsModule } from '#notifications';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesRepository } from './deliveries.repository';
import { DeletionOutboxRepository } from './deletion/deletion-outbox.repository';
import { DeletionScheduler } from './deletion/deletion-scheduler';
import { DELETIONS_QUEUE } from './deletion/deletion-queue';
import { DeletionSweeper } from './deletion/deletion-sweeper';
import { RecordingDeletionService } from './deletion/recording-deletion.service';
import { DeliveryClaims } from './delivery-claims';
import { DeliveryConsumption } from './delivery-consumption';
import { DeliveryCredentialGuard } from './delivery-credential.guard';
import { DeliveryCredentials } from './delivery-credentials';
import { DeliveryDownloads } from './delivery-downloads.service';
import { DeliveryPlanner } from './delivery-plan';
import { DeliveryReceipts } from './delivery-receipts.service';

/**
 * Deleting recordings: the outbox's scheduler (the only code that enqueues deletion jobs), the
 * deletion itself, consumption (shared by the receipt, a window of 0 and the receipt-window sweep) and
 * the sweeps. For the API (it enqueues after a receipt) and the worker (it runs the jobs). Needs only
 * the platform (database, storage, audit, clock, queue), the key store and the recordings vault.
 */
@Module({
  imports: [CryptoModule, RecordingVaultModule, BullModule.registerQueue({ name: DELETIONS_QUEUE }), NotificationsModule],
  providers: [DeletionScheduler, RecordingDeletionService, DeletionSweeper, DeliveryConsumption, DeliveriesRepository, DeletionOutboxRepository],
  exports: [DeletionScheduler, RecordingDeletionService, DeletionSweeper, DeliveryConsumption, DeliveriesRepository],
})
export class DeletionModule {}

/** Deliveries over HTTP: creation (with the notice that carries an operator-requested delivery's password), the credential check, the claim, the streamed archive and the receipt. Needs the (global) access module. */
@Module({
  imports: [CryptoModule, RecordingVaultModule, DeletionModule, NotificationsModule],
  providers: [DeliveriesService, DeliveryCredentials, DeliveryCredentialGuard, DeliveryClaims, DeliveryPlanner, DeliveryDownloads, DeliveryReceipts],
  exports: [DeliveriesService, DeliveryCredentials, DeliveryCredentialGuard, DeliveryClaims, DeliveryDownloads, DeliveryReceipts, DeletionModule],
})
export class DeliveriesModule {}
