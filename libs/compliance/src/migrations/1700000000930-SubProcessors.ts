import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sub-processor register and the transfers it allowed. */
export class SubProcessors1700000000930 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sub_processors (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name varchar(200) NOT NULL,
      purpose text NOT NULL,
      location char(2) NOT NULL,
      data_categories text[] NOT NULL,
      contract_date date NOT NULL,
      transfer_mechanism varchar(16),
      transfer_mechanism_reference varchar(300),
      status varchar(16) NOT NULL DEFAULT 'active',
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_sub_processors PRIMARY KEY (id),
      CONSTRAINT uq_sub_processors_name UNIQUE (name),
      CONSTRAINT ck_sub_processors_mechanism CHECK (transfer_mechanism IS NULL OR transfer_mechanism IN ('adequacy', 'sccs', 'bcrs')),
      CONSTRAINT ck_sub_processors_status CHECK (status IN ('active', 'ended')),
      CONSTRAINT ck_sub_processors_location CHECK (location ~ '^[A-Z]{2}$')
    )`);

    await q.query(`CREATE TABLE sub_processor_transfers (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      sub_processor_id uuid NOT NULL,
      data_categories text[] NOT NULL,
      purpose text NOT NULL,
      location char(2) NOT NULL,
      transfer_mechanism varchar(16),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_sub_processor_transfers PRIMARY KEY (id),
      CONSTRAINT fk_sub_processor_transfers_sub_processor FOREIGN KEY (sub_processor_id) REFERENCES sub_processors (id) ON DELETE RESTRICT
    )`);
    await q.query(`CREATE INDEX ix_sub_processor_transfers_sub_processor ON sub_processor_transfers (sub_processor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sub_processor_transfers`);
    await q.query(`DROP TABLE sub_processors`);
  }
}
