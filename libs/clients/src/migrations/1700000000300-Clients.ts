import { MigrationInterface, QueryRunner } from 'typeorm';

export class Clients1700000000300 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name varchar(200) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      contact_name varchar(200),
      contact_email varchar(320),
      contact_phone varchar(40),
      contract_ended_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_clients PRIMARY KEY (id),
      CONSTRAINT ck_clients_status CHECK (status IN ('active', 'terminated'))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clients`);
  }
}
