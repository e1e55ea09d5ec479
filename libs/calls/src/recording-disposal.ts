import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KeyStore } from '#crypto';
import { UsageLedger } from '#usage';
import { RecordingPastRetention, RecordingsRepository } from './recordings.repository';

/**
 * The one way a recording leaves: its data key destroyed (crypto-shredding: every copy is unreadable
 * from then on), then, once its object is gone, marked `deleted` and counted for the client's usage.
 * The deliveries library drives the outbox (after a download, or at retention) and a data subject's
 * erasure does it at once; both call here so neither writes the recordings table. Every method runs in
 * the caller's transaction, in the client's tenant scope (or across clients where it says so).
 */
@Injectable()
export class RecordingDisposal {
  constructor(
    private readonly recordings: RecordingsRepository,
    private readonly keys: KeyStore,
    private readonly ledger: UsageLedger,
  ) {}

  /** Destroys the recording's data key and forgets it; where its object lives, or null when there is no such recording. */
  async shred(tx: EntityManager, clientId: string, recordingId: string): Promise<{ storageKey: string } | null> {
    const recording = await this.recordings.byId(tx, clientId, recordingId);
    if (!recording) return null;
    if (recording.dataKeyId) {
      await this.keys.destroyDataKey(clientId, recording.dataKeyId, tx);
      await this.recordings.forgetDataKey(tx, recording.id);
    }
    return { storageKey: recording.storageKey };
  }

  /** Marks it deleted once its object is gone; true (and counted) when this call did. */
  async markDeleted(tx: EntityManager, clientId: string, recordingId: string, at: Date): Promise<boolean> {
    const marked = await this.recordings.markDeleted(tx, clientId, recordingId, at);
    if (marked) await this.ledger.record(tx, [{ clientId, kind: 'recording_deleted', occurredAt: at, sourceId: recordingId }]);
    return marked;
  }

  /**
   * A data subject's erasure: each of the client's recordings among `ids` shredded and marked deleted
   * now; the objects are removed after the commit (`objectKeys`), or by the recordings sweep.
   */
  async eraseNow(tx: EntityManager, clientId: string, ids: string[], at: Date): Promise<{ found: string[]; objectKeys: string[] }> {
    const found: string[] = [];
    const objectKeys: string[] = [];
    for (const recording of await this.recordings.byIds(tx, clientId, ids)) {
      found.push(recording.id);
      if (recording.status === 'deleted') continue;
      if (recording.dataKeyId) await this.keys.destroyDataKey(clientId, recording.dataKeyId, tx);
      await this.markDeleted(tx, clientId, recording.id, at);
      objectKeys.push(recording.storageKey);
    }
    return { found, objectKeys };
  }

  /** Stored recordings past their retention, a page after the cursor; `tx` sees every client. */
  pastRetention(tx: EntityManager, now: Date, after: { retainUntil: Date; id: string } | null, limit: number): Promise<RecordingPastRetention[]> {
    return this.recordings.pastRetention(tx, now, after, limit);
  }

  /** Per client, stored recordings whose retention ends after `from` and by `until`; `tx` sees every client. */
  expiringByClient(tx: EntityManager, from: Date, until: Date): Promise<{ clientId: string; count: number; first: Date }[]> {
    return this.recordings.expiringByClient(tx, from, until);
  }
}
