import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'callvault_app';

export class AuditVerifications1700000001410 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_verifications (
      id serial NOT NULL,
      verified_at timestamptz NOT NULL,
      ok boolean NOT NULL,
      events int NOT NULL,
      head_seq bigint,
      broken_seq bigint,
      CONSTRAINT pk_audit_verifications PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_audit_verifications_verified ON audit_verifications (verified_at)`);
    // A record of what was proven: written once, never changed.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_verifications FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_verifications`);
  }
}
