import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification settings become part of the (versioned) processing instructions. */
export class NotificationSettings1700000001600 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions ADD COLUMN notifications jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions DROP COLUMN notifications`);
  }
}
