import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ClientsModule } from '#clients';
import { CryptoModule } from '#crypto';
import { NotificationsModule } from '#notifications';
import { CallerMessageNotices } from './caller-message-notices';
import { CallerDataErasure } from './caller-data-erasure';
import { CallerDataOwners } from './caller-data-owners';
import { CallerDataOwnersRepository } from './caller-data-owners.repository';
import { CallerDataSubjects } from './caller-data-subjects';
import { CallerMessagesRepository } from './caller-messages.repository';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { ClientPublicKeysRepository } from './client-public-keys.repository';
import { ClientPublicKeysService } from './client-public-keys.service';
import { DeliverableCallerData } from './deliverable-caller-data';
import { MessageInbox } from './message-inbox.service';
import { RecordingIngestService } from './recording-ingest.service';
import { RECORDINGS_QUEUE, RecordingSweeper, RecordingSweepScheduler } from './recording-sweeper';
import { RecordingDisposal } from './recording-disposal';
import { RecordingVault } from './recording-vault';
import { RecordingsRepository } from './recordings.repository';
import { RecordingsService } from './recordings.service';

/** The calls library's repositories: its SQL on calls, caller_messages, recordings and client_public_keys, and the owner lookups. Internal to the library. */
@Module({
  providers: [CallsRepository, CallerMessagesRepository, RecordingsRepository, ClientPublicKeysRepository, CallerDataOwnersRepository],
  exports: [CallsRepository, CallerMessagesRepository, RecordingsRepository, ClientPublicKeysRepository, CallerDataOwnersRepository],
})
class CallsRepositoriesModule {}

/**
 * Recordings at rest, for every process that touches them (API, worker, deliveries): the vault
 * (seal, decrypt-and-verify, locate), the sweep of abandoned uploads, and what deliveries read and mark. Needs only the platform
 * (database, storage, audit, clock), not the access module.
 */
@Module({
  imports: [CryptoModule, CallsRepositoriesModule, BullModule.registerQueue({ name: RECORDINGS_QUEUE })],
  providers: [RecordingVault, RecordingSweeper, RecordingSweepScheduler, DeliverableCallerData, RecordingDisposal],
  exports: [RecordingVault, RecordingSweeper, RecordingSweepScheduler, DeliverableCallerData, RecordingDisposal],
})
export class RecordingVaultModule {}

/**
 * Caller messages as notices need them (unread state, content where instructed, counts), handed to the
 * notifications library. For the API and the worker; needs only the platform.
 */
@Module({
  imports: [NotificationsModule],
  providers: [CallerMessageNotices],
})
export class CallerMessageNoticesModule {}

/**
 * Erasing caller messages and calls, for retention (API and worker), and what data subjects' requests
 * need of caller records (find, erase, rectify, export). Needs only the platform.
 */
@Module({
  imports: [CallsRepositoriesModule, RecordingVaultModule],
  providers: [CallerDataErasure, CallerDataSubjects],
  exports: [CallerDataErasure, CallerDataSubjects],
})
export class CallerDataErasureModule {}

/** Capture over HTTP: calls, caller messages, recording ingest and reads, clients' public keys. Needs the (global) access module. */
@Module({
  imports: [CallsRepositoriesModule, CallerDataErasureModule, ClientsModule, CryptoModule, RecordingVaultModule, NotificationsModule, CallerMessageNoticesModule],
  providers: [CallerDataOwners, CallsService, MessageInbox, RecordingIngestService, RecordingsService, ClientPublicKeysService],
  exports: [CallerDataErasureModule, CallerDataOwners, CallsService, MessageInbox, RecordingIngestService, RecordingsService, ClientPublicKeysService, RecordingVaultModule],
})
export class CallsModule {}
