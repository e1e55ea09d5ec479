import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end, and a failure limit per ingest key. Existing argon2id ingest-key hashes stay
 * valid: a migration cannot rehash keys it never sees, so each is rehashed to the keyed SHA-256 on its
 * next successful use (see docs/security.md).
 */
export class SessionsAndIngestKeyLimits1700000001300 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE user_sessions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      scope varchar(16) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_reason varchar(32),
      CONSTRAINT pk_user_sessions PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_user_sessions_user ON user_sessions (user_id)`);
    await q.query(`ALTER TABLE ingest_keys
      ADD COLUMN failed_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN failure_window_started_at timestamptz,
      ADD COLUMN blocked_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest_keys DROP COLUMN blocked_until, DROP COLUMN failure_window_started_at, DROP COLUMN failed_attempts`);
    await q.query(`DROP TABLE user_sessions`);
  }
}
