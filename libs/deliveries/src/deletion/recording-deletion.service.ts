import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { AuditService } from '#audit';
import { Recording } from '#calls';
import { Clock } from '#clock';
import { KeyStore } from '#crypto';
import { TenantScope } from '#database';
import { NotificationsService } from '#notifications';
import { ObjectStorage } from '#storage';
import { UsageLedger } from '#usage';
import { DeletionOutboxEntry } from './deletion-outbox.entity';

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
    private readonly keys: KeyStore,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ledger: UsageLedger,
    private readonly notifications: NotificationsService,
  ) {}

  async process(outboxId: string): Promise<DeletionOutcome> {
    const entry = await this.scope.runAcrossClients('deletion_outbox', (tx) => tx.findOne(DeletionOutboxEntry, { where: { id: outboxId } }));
    if (!entry) return 'no_such_entry';
    if (entry.status === 'done') return 'already_done';
    const { clientId } = entry;
    try {
      // 1. Shred. The key row and the recording's pointer to it go together.
      const recording = await this.scope.run(clientId, async (tx) => {
        const row = await tx.findOne(Recording, { where: { id: entry.recordingId } });
        if (row?.dataKeyId) {
          await this.keys.destroyDataKey(clientId, row.dataKeyId, tx);
          await tx.update(Recording, { id: row.id }, { dataKeyId: null });
        }
        return row;
      });
      // 2. The object; a store that still shows it fails the attempt (retried with backoff).
      if (recording) {
        await this.storage.delete(recording.storageKey);
        if (await this.storage.exists(recording.storageKey)) throw new ObjectStillPresentError();
      }
      // 3. Only now is it deleted, with its receipt.
      return await this.scope.run(clientId, async (tx) => {
        const now = this.clock.now();
        const done = await tx.update(DeletionOutboxEntry, { id: entry.id, status: 'pending' }, { status: 'done', completedAt: now, lastError: null });
        if (!done.affected) return 'already_done';
        if (recording) {
          const marked = await tx.update(Recording, { id: recording.id, status: Not('deleted') }, { status: 'deleted', deletedAt: now, dataKeyId: null });
          if (marked.affected) await this.ledger.record(tx, [{ clientId, kind: 'recording_deleted', occurredAt: now, sourceId: recording.id }]);
        }
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
        .run(clientId, (tx) =>
          tx
            .createQueryBuilder()
            .update(DeletionOutboxEntry)
            .set({ attempts: () => 'attempts + 1', lastError: code, lastAttemptAt: this.clock.now() })
            .where('id = :id AND status = :pending', { id: entry.id, pending: 'pending' })
            .execute(),
        )
        .catch(() => undefined); // the database may be what failed; the retry will tell
      throw error;
    }
  }

  /** The last recording of a delivery deleted: the client's receipt notice. The delivery's row lock orders concurrent last deletions. */
  private async receiptWhenLast(tx: EntityManager, deliveryId: string, clientId: string): Promise<void> {
    await tx.query(`SELECT id FROM deliveries WHERE id = $1 FOR UPDATE`, [deliveryId]);
    const [row]: { pending: string; done: string }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'done') AS done FROM deletion_outbox WHERE delivery_id = $1`,
      [deliveryId],
    );
    if (Number(row.pending) === 0) await this.notifications.recordingsDeleted(tx, { clientId, deliveryId, count: Number(row.done) });
  }
}
