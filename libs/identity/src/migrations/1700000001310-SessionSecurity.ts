import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password changes, the TOTP second factor, recovery codes, reset tokens and the per-account lockout. */
export class SessionSecurity1700000001310 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN password_changed_at timestamptz,
      ADD COLUMN totp_secret bytea,
      ADD COLUMN totp_confirmed_at timestamptz,
      ADD COLUMN totp_last_step int`);
    await q.query(`CREATE TABLE user_recovery_codes (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      code_hash text NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_user_recovery_codes PRIMARY KEY (id),
      CONSTRAINT fk_user_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_user_recovery_codes_user ON user_recovery_codes (user_id)`);
    await q.query(`CREATE TABLE password_reset_tokens (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      token_hash varchar(80) NOT NULL,
      issued_by uuid NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_password_reset_tokens PRIMARY KEY (id),
      CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_password_reset_tokens_hash ON password_reset_tokens (token_hash)`);
    await q.query(`CREATE INDEX ix_password_reset_tokens_user ON password_reset_tokens (user_id)`);
    await q.query(`CREATE TABLE login_failures (
      account_key varchar(80) NOT NULL,
      failures int NOT NULL,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz,
      CONSTRAINT pk_login_failures PRIMARY KEY (account_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE password_reset_tokens`);
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`ALTER TABLE users DROP COLUMN totp_last_step, DROP COLUMN totp_confirmed_at, DROP COLUMN totp_secret, DROP COLUMN password_changed_at`);
  }
}
