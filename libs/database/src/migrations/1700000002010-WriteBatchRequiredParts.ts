import { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUIRED_PART_MISSING } from '../write-batch-errors';

/**
 * A write batch whose part must write a row (WriteBatch.add with `required`) counts that part through
 * this function: no row fails the whole statement, so a COMMIT sent with it rolls back instead.
 */
export class WriteBatchRequiredParts1700000002010 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION write_batch_required(written int, part text) RETURNS int
      LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        IF written = 0 THEN
          RAISE EXCEPTION 'write batch part % wrote nothing', part USING ERRCODE = '${REQUIRED_PART_MISSING}';
        END IF;
        RETURN written;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION write_batch_required(int, text)`);
  }
}
