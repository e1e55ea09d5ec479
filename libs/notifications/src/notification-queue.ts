export const NOTIFICATIONS_QUEUE = 'notifications';
/** Send one outbox row: `{ outboxId }`. The job id is the row id, so it is enqueued at most once. */
export const SEND_NOTICE_JOB = 'send-notice';
/** Due rows, escalations and reminders. */
export const SWEEP_NOTICES_JOB = 'sweep-notices';

export interface SendNoticeJob {
  outboxId: string;
}

/** Sends are retried this often by bull before the sweep takes over (each sweep retries a failed job again). */
export const SEND_ATTEMPTS = 10;
/** The API stops waiting for Redis after this long; the outbox row stays for the sweep. */
export const ENQUEUE_TIMEOUT_MS = 3_000;
/** A webhook receiver gets this long to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
