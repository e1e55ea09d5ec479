import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the agent last corrected a caller message within its working window. */
export class MessageCorrections1700000001720 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE caller_messages ADD COLUMN corrected_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE caller_messages DROP COLUMN corrected_at`);
  }
}
