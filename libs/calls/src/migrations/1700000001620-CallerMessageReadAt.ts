import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a client first read a message: urgent messages escalate until then. */
export class CallerMessageReadAt1700000001620 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE caller_messages ADD COLUMN read_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE caller_messages DROP COLUMN read_at`);
  }
}
