import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweep erases sealed delivery passwords no channel still has to carry; this partial index keeps
 * that look-up to the few notices holding one, however many notices there are.
 */
export class SealedSecretIndex1700000001950 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_notifications_sealed_secret ON notifications (id) WHERE "sealed_secret" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_notifications_sealed_secret`);
  }
}
