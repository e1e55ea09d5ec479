import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls the phone system creates with its ingest key: the phone system's own call id (`external_ref`,
 * unique per client, so a retried create finds the first call), and who created the call (an agent or
 * an ingest key, exactly one of them).
 */
export class CallsFromPhoneSystem1700000001500 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls ADD COLUMN external_ref varchar(200)`);
    await q.query(`ALTER TABLE calls ADD COLUMN ingest_key_id uuid`);
    await q.query(`ALTER TABLE calls ALTER COLUMN agent_id DROP NOT NULL`);
    await q.query(`ALTER TABLE calls ADD CONSTRAINT ck_calls_creator CHECK ((agent_id IS NULL) <> (ingest_key_id IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX uq_calls_client_external_ref ON calls (client_id, external_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_calls_client_external_ref`);
    await q.query(`ALTER TABLE calls DROP CONSTRAINT ck_calls_creator`);
    await q.query(`DELETE FROM calls WHERE agent_id IS NULL`);
    await q.query(`ALTER TABLE calls ALTER COLUMN agent_id SET NOT NULL`);
    await q.query(`ALTER TABLE calls DROP COLUMN ingest_key_id`);
    await q.query(`ALTER TABLE calls DROP COLUMN external_ref`);
  }
}
