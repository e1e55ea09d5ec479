export const DELETIONS_QUEUE = 'deletions';
/** Delete one recording named by its outbox row: `{ outboxId }`. */
export const DELETE_RECORDING_JOB = 'delete-recording';
/** Re-enqueue outbox rows still pending. */
export const SWEEP_OUTBOX_JOB = 'sweep-deletion-outbox';
/** Outbox rows for recordings past retention; close expired deliveries. */
export const SWEEP_RETENTION_JOB = 'sweep-retention';

export interface DeleteRecordingJob {
  outboxId: string;
}
/** Consume deliveries whose receipt window passed without a receipt. */
export const SWEEP_RECEIPTS_JOB = 'sweep-receipt-windows';
