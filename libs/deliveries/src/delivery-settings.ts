/**
 * Fixed rules of deliveries and deletion. Durations are measured on the injected Clock, except the
 * timers' own periods (how often the worker looks), which are wall time.
 */
export const DELIVERY_RULES = {
  /** Wrong passwords before the delivery locks (the next request gets 423). */
  maxFailedAttempts: 5,
  /** A download's claim lasts this long without bytes flowing; renewed every third of it while they flow. */
  leaseMs: 30_000,
  /** Most items one delivery may carry of each kind (also the cap of "everything not yet delivered"). */
  maxItems: 5_000,
  /** An outbox row still pending after this long is re-enqueued by the sweep. */
  outboxResweepAfterMs: 30_000,
  /** How often the worker sweeps the outbox (wall time). */
  outboxSweepEveryMs: 5_000,
  /** How often the worker runs retention and closes expired deliveries (wall time). */
  retentionSweepEveryMs: 60_000,
  /** How often the worker consumes deliveries whose receipt window passed without a receipt (wall time). */
  receiptSweepEveryMs: 5_000,
  /** Clients are warned this long before recordings they never downloaded are deleted by retention. */
  expiryWarningMs: 3 * 86_400_000,
  /** The API gives up waiting for Redis after this long; the outbox row stays for the sweep. */
  enqueueTimeoutMs: 5_000,
} as const;
