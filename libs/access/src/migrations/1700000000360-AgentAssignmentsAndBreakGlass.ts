import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentAssignmentsAndBreakGlass1700000000360 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agent_assignments (
      user_id uuid NOT NULL,
      client_id uuid NOT NULL,
      CONSTRAINT pk_agent_assignments PRIMARY KEY (user_id, client_id),
      CONSTRAINT fk_agent_assignments_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE TABLE break_glass_grants (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      dpo_id uuid NOT NULL,
      client_id uuid NOT NULL,
      reason text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_break_glass_grants PRIMARY KEY (id),
      CONSTRAINT fk_break_glass_grants_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_break_glass_grants_dpo_client ON break_glass_grants (dpo_id, client_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE break_glass_grants`);
    await q.query(`DROP TABLE agent_assignments`);
  }
}
