import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { KeyStore } from '#crypto';
import { TenantScope } from '#database';
import type { RepeatableJob } from '#queue';
import { ObjectStorage } from '#storage';
import { parseRecordingStorageKey, RECORDINGS_PREFIX } from './recording-vault';
import { RecordingsRepository } from './recordings.repository';

export const RECORDINGS_QUEUE = 'recordings';
export const SWEEP_RECORDINGS_JOB = 'sweep-recordings';

/** An upload still `receiving` after this long is abandoned (its process died): 2 GiB at ≥ 0.3 MB/s fits. */
export const RECEIVING_TIMEOUT_MS = 2 * 3_600_000;
/** An object with no live row is removed once older than this (covers clock skew and in-flight writes). */
export const ORPHAN_GRACE_MS = 3_600_000;
const BATCH = 500;

export interface SweepResult {
  abandoned: number;
  orphans: number;
}

/**
 * Cleans up what a crash can leave behind, so nothing half-written outlives its upload: rows stuck in
 * `receiving` (object, data key and row are removed) and objects under recordings/ that no live row
 * points to. Idempotent: running it twice, or beside a live upload, is harmless.
 */
@Injectable()
export class RecordingSweeper {
  private readonly logger = new Logger(RecordingSweeper.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly storage: ObjectStorage,
    private readonly keys: KeyStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly recordings: RecordingsRepository,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now().getTime();
    const abandoned = await this.sweepAbandoned(new Date(now - RECEIVING_TIMEOUT_MS));
    const orphans = await this.sweepOrphans(new Date(now - ORPHAN_GRACE_MS));
    return { abandoned, orphans };
  }

  private async sweepAbandoned(cutoff: Date): Promise<number> {
    let removed = 0;
    for (;;) {
      const stale = await this.scope.runAcrossClients('retention_sweep', (tx) =>
        this.recordings.abandonedUploads(tx, cutoff, BATCH),
      );
      for (const row of stale) {
        await this.storage.delete(row.storageKey);
        await this.scope.run(row.clientId, async (tx) => {
          if (row.dataKeyId) await this.keys.destroyDataKey(row.clientId, row.dataKeyId, tx);
          if (await this.recordings.deleteAbandoned(tx, row.id)) {
            await this.audit.append(this.event(row.clientId, row.id, 'recording.ingest.abandoned', { callId: row.callId }), tx);
            removed++;
          }
        });
      }
      if (stale.length < BATCH) return removed;
    }
  }

  private async sweepOrphans(cutoff: Date): Promise<number> {
    let removed = 0;
    let batch: { key: string; clientId: string; recordingId: string }[] = [];
    const flush = async () => {
      const ids = batch.map((o) => o.recordingId);
      const live = await this.scope.runAcrossClients('retention_sweep', (tx) =>
        this.recordings.live(tx, ids),
      );
      const kept = new Set(live.map((r) => r.storageKey));
      for (const orphan of batch) {
        if (kept.has(orphan.key)) continue;
        await this.storage.delete(orphan.key);
        await this.audit.append(this.event(orphan.clientId, orphan.recordingId, 'recording.orphan.delete', {}));
        removed++;
      }
      batch = [];
    };
    for await (const object of this.storage.list(RECORDINGS_PREFIX)) {
      if (object.lastModified.getTime() >= cutoff.getTime()) continue;
      const parsed = parseRecordingStorageKey(object.key);
      if (!parsed) {
        this.logger.warn({ key: object.key }, 'object under recordings/ with an unexpected key; left alone');
        continue;
      }
      batch.push({ key: object.key, ...parsed });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    return removed;
  }

  private event(clientId: string, recordingId: string, action: string, details: Record<string, string>) {
    return {
      actor: { id: null, role: 'system' as const },
      clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action,
      subject: { type: 'recording', id: recordingId },
      outcome: 'success' as const,
      details,
    };
  }
}

/** The only code that enqueues recording jobs: declares the periodic sweep, and runs one on demand. */
@Injectable()
export class RecordingSweepScheduler {
  constructor(@InjectQueue(RECORDINGS_QUEUE) private readonly queue: Queue) {}

  repeatableJobs(): RepeatableJob[] {
    return [{ queue: this.queue, name: SWEEP_RECORDINGS_JOB, jobId: 'recordings-sweep', repeat: { every: 15 * 60_000 } }];
  }

  async sweepNow(): Promise<SweepResult> {
    const job = await this.queue.add(SWEEP_RECORDINGS_JOB, {});
    return job.finished();
  }
}
