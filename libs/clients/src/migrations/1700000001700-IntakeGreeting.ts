import { MigrationInterface, QueryRunner } from 'typeorm';

/** The words an agent opens a client's calls with, part of the client's intake script. */
export class IntakeGreeting1700000001700 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions ADD COLUMN greeting varchar(1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions DROP COLUMN greeting`);
  }
}
