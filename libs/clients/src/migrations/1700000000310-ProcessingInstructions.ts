import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcessingInstructions1700000000310 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE processing_instructions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      version int NOT NULL,
      intake_fields jsonb NOT NULL DEFAULT '[]'::jsonb,
      recording_retention_days int NOT NULL DEFAULT 30,
      delivery_expiry_hours int NOT NULL DEFAULT 72,
      caller_data_retention_days int NOT NULL DEFAULT 90,
      supervisor_review_allowed boolean NOT NULL DEFAULT false,
      aggregate_statistics_allowed boolean NOT NULL DEFAULT false,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_processing_instructions PRIMARY KEY (id),
      CONSTRAINT uq_processing_instructions_client_version UNIQUE (client_id, version),
      CONSTRAINT fk_processing_instructions_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_processing_instructions_retention CHECK (recording_retention_days BETWEEN 1 AND 3650),
      CONSTRAINT ck_processing_instructions_expiry CHECK (delivery_expiry_hours BETWEEN 1 AND 720)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processing_instructions`);
  }
}
