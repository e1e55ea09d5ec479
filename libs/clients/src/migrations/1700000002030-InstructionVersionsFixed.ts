import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from '#database';

/**
 * A version of a client's processing instructions is never edited: a change inserts the next version.
 * The database now says so too (a trigger refuses UPDATE, the runtime login loses the grant), because
 * the policy keeps each version it has read in memory by its id (ProcessingInstructionsRepository).
 * Deleting stays possible: a client's erasure removes its versions with it.
 */
export class InstructionVersionsFixed1700000002030 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION processing_instructions_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'processing_instructions: a version is never edited; insert the next version' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trg_processing_instructions_no_update BEFORE UPDATE ON processing_instructions
      FOR EACH ROW EXECUTE FUNCTION processing_instructions_refuse_update()`);
    await q.query(`REVOKE UPDATE ON processing_instructions FROM ${await appRole(q)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE ON processing_instructions TO ${await appRole(q)}`);
    await q.query(`DROP TRIGGER trg_processing_instructions_no_update ON processing_instructions`);
    await q.query(`DROP FUNCTION processing_instructions_refuse_update()`);
  }
}
