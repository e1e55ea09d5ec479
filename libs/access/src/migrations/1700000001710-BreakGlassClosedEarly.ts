import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a DPO closed a break-glass grant before it expired. */
export class BreakGlassClosedEarly1700000001710 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE break_glass_grants ADD COLUMN closed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE break_glass_grants DROP COLUMN closed_at`);
  }
}
