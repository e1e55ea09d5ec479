import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallerMessagesRepository, MessageToDeliver } from './caller-messages.repository';
import type { RecordingStatus } from './recording.entity';
import { RecordingsRepository, RecordingToDeliver } from './recordings.repository';

export type { MessageToDeliver } from './caller-messages.repository';
export type { RecordingToDeliver } from './recordings.repository';

/**
 * What the deliveries library needs of calls, messages and recordings, so it never reads or writes
 * these tables itself. Every method runs in the caller's transaction, which is already in the client's
 * TenantScope (row-level security hides any other client's rows), and takes the client id.
 */
@Injectable()
export class DeliverableCallerData {
  constructor(
    private readonly recordingRows: RecordingsRepository,
    private readonly messageRows: CallerMessagesRepository,
  ) {}

  /** Recordings still stored and messages never carried, oldest first, at most `max` of each. */
  async undelivered(tx: EntityManager, clientId: string, max: number): Promise<{ recordingIds: string[]; messageIds: string[] }> {
    return { recordingIds: await this.recordingRows.storedIds(tx, clientId, max), messageIds: await this.messageRows.undeliveredIds(tx, clientId, max) };
  }

  /** Of these ids, the client's recordings with their status. */
  recordingStatuses(tx: EntityManager, clientId: string, ids: string[]): Promise<{ id: string; status: RecordingStatus }[]> {
    return this.recordingRows.statuses(tx, clientId, ids);
  }

  /** Of these ids, the client's messages. */
  existingMessages(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    return this.messageRows.existingAmong(tx, clientId, ids);
  }

  /** The recordings, in a fixed order (call start, then id), whatever their state now. */
  recordings(tx: EntityManager, clientId: string, ids: string[]): Promise<RecordingToDeliver[]> {
    return this.recordingRows.toDeliver(tx, clientId, ids);
  }

  /** One page of the messages among `ids`, oldest first, after the cursor. */
  messagePage(tx: EntityManager, clientId: string, ids: string[], after: { createdAt: Date; id: string }, limit: number): Promise<MessageToDeliver[]> {
    return this.messageRows.pageToDeliver(tx, clientId, ids, after, limit);
  }

  /** The client has them: recordings `delivered` (their deletion is the caller's outbox), messages carried by this delivery. */
  async markDelivered(tx: EntityManager, clientId: string, deliveryId: string, items: { recordingIds: string[]; messageIds: string[] }, at: Date): Promise<void> {
    await this.recordingRows.markDelivered(tx, clientId, items.recordingIds, at);
    await this.messageRows.markDelivered(tx, clientId, items.messageIds, deliveryId, at);
  }
}
