import { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestKeys1700000000350 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ingest_keys (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      label varchar(100),
      secret_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz,
      CONSTRAINT pk_ingest_keys PRIMARY KEY (id),
      CONSTRAINT fk_ingest_keys_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_ingest_keys_client ON ingest_keys (client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingest_keys`);
  }
}
