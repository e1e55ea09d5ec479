import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { RecordingVaultModule } from '#calls';
import { CryptoModule } from '#crypto';
import { NotificationsModule } from '#notifications';
import { DeliveriesService } from './deliveries.service';
import { DeletionScheduler } from './deletion/deletion-scheduler';
import { DELETIONS_QUEUE } from './deletion/deletion-queue';
import { DeletionSweeper } from './deletion/deletion-sweeper';
import { RecordingDeletionService } from './deletion/recording-deletion.service';
import { DeliveryClaims } from './delivery-claims';
import { DeliveryCredentialGuard } from './delivery-credential.guard';
import { DeliveryCredentials } from './delivery-credentials';
import { DeliveryDownloads } from './delivery-downloads.service';

/**
 * Deleting recordings: the outbox's scheduler (the only code that enqueues deletion jobs), the
 * deletion itself and the sweeps. For the API (it enqueues after a download) and the worker (it runs
 * the jobs). Needs only the platform (database, storage, audit, clock, queue) and the key store.
 */
@Module({
  imports: [CryptoModule, NotificationsModule, BullModule.registerQueue({ name: DELETIONS_QUEUE })],
  providers: [DeletionScheduler, RecordingDeletionService, DeletionSweeper],
  exports: [DeletionScheduler, RecordingDeletionService, DeletionSweeper],
})
export class DeletionModule {}

/** Deliveries over HTTP: creation, the credential check, the claim and the streamed archive. Needs the (global) access module. */
@Module({
  imports: [CryptoModule, RecordingVaultModule, DeletionModule],
  providers: [DeliveriesService, DeliveryCredentials, DeliveryCredentialGuard, DeliveryClaims, DeliveryDownloads],
  exports: [DeliveriesService, DeliveryCredentials, DeliveryCredentialGuard, DeliveryClaims, DeliveryDownloads, DeletionModule],
})
export class DeliveriesModule {}
