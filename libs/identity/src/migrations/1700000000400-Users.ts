import { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1700000000400 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email varchar(320) NOT NULL,
      password_hash text NOT NULL,
      role varchar(16) NOT NULL,
      client_id uuid,
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_users PRIMARY KEY (id),
      CONSTRAINT fk_users_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
      CONSTRAINT ck_users_role CHECK (role IN ('agent', 'supervisor', 'admin', 'dpo', 'client')),
      CONSTRAINT ck_users_client_role CHECK ((role = 'client') = (client_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
  }
}
