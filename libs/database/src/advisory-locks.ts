/**
 * Every Postgres advisory lock the application takes, named for what it guards. One list so no two
 * unrelated locks can share a number. Postgres keeps two key spaces apart: a single bigint key
 * (`pg_advisory_lock(n)`) and a pair of int4 keys (`pg_advisory_lock(namespace, hashtext(id))`);
 * the `perClient` entries are namespaces of the pair form, the others single keys.
 * Creating a test database locks `hashtext('callvault:create-database:' || name)` (single key, no entry).
 */
export const ADVISORY_LOCKS = {
  /** Migrations and the owner's start-up steps, between processes starting together. */
  migrations: 7001,
  /** The audit hash chain: one writer at a time across every API and worker process. */
  auditChain: 7002,
  /**
   * Sealing and pruning audit segments. Written into the SQL functions of migration
   * 1700000001201-AuditSegmentFunctions: never change this number.
   */
  auditSegments: 7003,
  /** Creating the bootstrap administrator when several API processes start together. */
  bootstrapAdmin: 7005,
  perClient: {
    /** Issuing a new version of a client's processing instructions. */
    processingInstructions: 7004,
    /** Grouping new-message notices per client. */
    messageNoticeGrouping: 7016,
    /** Opening a client's new-message notice: one opener, the others wait for it and join. */
    messageNoticeOpening: 7018,
    /** The daily summary notice: one per client and day. */
    dailySummary: 7017,
    /** A client's key-encryption keys: creators share it, rotation takes it alone. */
    keyEncryptionKeys: 715301,
  },
} as const;
