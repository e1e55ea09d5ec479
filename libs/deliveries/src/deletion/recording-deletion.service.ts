import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { RecordingDisposal } from '#calls';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { NotificationsService } from '#notifications';
import { ObjectStorage } from '#storage';
import { DeliveriesRepository } from '../deliveries.repository';
import { DeletionOutboxRepository } from './deletion-outbox.repository';

export type DeletionOutcome = 'deleted' | 'already_done' | 'no_such_entry';

/** Thrown when the store still shows the object after deleting it: the job retries, nothing is marked. */
export class ObjectStillPresentError extends Error {
  readonly code = 'object_still_present';
  constructor() {
    super('object still present after delete');
    this.name = 'ObjectStillPresentError';
  }
}

/** A failure's code for the outbox row: names what failed, never data. */
const failureCode = (error: unknown): string => {
  const e = error as { code?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'error';
  return code.slice(0, 64);
};

/**
 * Deletes one recording named by an outbox row, in the order that keeps every promise:
 *
 * 1. destroy its wrapped data key (crypto-shredding: any copy left in a backup or object version is
 *    unreadable from here on) and forget the key id on the recording;
 * 2. delete the object, then check the store no longer has it;
 * 3. only then, in one transaction: recording `deleted` (+deletedAt), outbox row `done`, and a deletion
 *    receipt in the audit log.
 *
 * Idempotent: every step tolerates having been done already, and step 3 happens once (it is
 * conditional on the row still being pending), so a job retried after partial progress, or run twice
 * at once, completes cleanly with one receipt. Nothing is marked deleted while the object exists.
 */
@Injectable()
export class RecordingDeletionService {
  private readonly logger = new Logger(RecordingDeletionService.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly disposal: RecordingDisposal,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly outbox: DeletionOutboxRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async process(outboxId: string): Promise<DeletionOutcome> {
    const entry = await this.scope.runAcrossClients('deletion_outbox', (tx) => this.outbox.byId(tx, outboxId));
    if (!entry) return 'no_such_entry';
    if (entry.status === 'done') return 'already_done';
    const { clientId } = entry;
    try {
      // 1. Shred. The key row and the recording's pointer to it go together (the calls library's disposal).
      const recording = await this.scope.run(clientId, (tx) => this.disposal.shred(tx, clientId, entry.recordingId));
      // 2. The object; a store that still shows it fails the attempt (retried with backoff).
      if (recording) {
        await this.storage.delete(recording.storageKey);
        if (await this.storage.exists(recording.storageKey)) throw new ObjectStillPresentError();
      }
      // 3. Only now is it deleted, with its receipt.
      return await this.scope.run(clientId, async (tx) => {
        const now = this.clock.now();
        if (!(await this.outbox.complete(tx, entry.id, now))) return 'already_done';
        if (recording) await this.disposal.markDeleted(tx, clientId, entry.recordingId, now);
        await this.audit.append(
          {
            actor: { id: null, role: 'system' },
            clientId,
            dataRole: 'processor',
            purpose: entry.reason === 'retention' ? 'legal_obligation' : 'service_delivery',
            action: 'recording.delete',
            subject: { type: 'recording', id: entry.recordingId },
            outcome: 'success',
            details: {
              reason: entry.reason,
              deliveryId: entry.deliveryId,
              outboxId: entry.id,
              dataKeyDestroyed: true,
              objectGone: true,
              failedAttemptsBefore: entry.attempts,
            },
          },
          tx,
        );
        if (entry.deliveryId) await this.receiptWhenLast(tx, entry.deliveryId, clientId);
        return 'deleted';
      });
    } catch (error) {
      const code = failureCode(error);
      this.logger.warn(`deletion ${entry.id} failed (${code}); will retry`);
      await this.scope
        .run(clientId, (tx) => this.outbox.recordFailure(tx, entry.id, code, this.clock.now()))
        .catch(() => undefined); // the database may be what failed; the retry will tell
      throw error;
    }
  }

  /** The last recording of a delivery deleted: the client's receipt notice. The delivery's row lock orders concurrent last deletions. */
  private async receiptWhenLast(tx: EntityManager, deliveryId: string, clientId: string): Promise<void> {
    await this.deliveries.lock(tx, deliveryId);
    const { pending, done } = await this.outbox.progressOf(tx, deliveryId);
    if (pending === 0) await this.notifications.recordingsDeleted(tx, { clientId, deliveryId, count: done });
  }
}
