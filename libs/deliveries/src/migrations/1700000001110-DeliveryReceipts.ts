import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confirmed receipt: a delivery sent completely waits (`awaiting_receipt`) for the client's SHA-256 of
 * the archive, or for its receipt window to pass, before it is consumed. Items remember what the last
 * complete transfer did with them (archived, omitted, withheld), so consumption marks and deletes
 * exactly what was sent.
 */
export class DeliveryReceipts1700000001110 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status`);
    await q.query(`ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('open', 'awaiting_receipt', 'consumed', 'expired', 'locked'))`);
    await q.query(`ALTER TABLE deliveries
      ADD COLUMN receipt_window_minutes int NOT NULL DEFAULT 60,
      ADD COLUMN withheld_count int NOT NULL DEFAULT 0,
      ADD COLUMN transfers_completed int NOT NULL DEFAULT 0,
      ADD COLUMN archive_sha256 varchar(64),
      ADD COLUMN sent_at timestamptz,
      ADD COLUMN receipt_due_at timestamptz,
      ADD COLUMN consumed_by varchar(16)`);
    await q.query(`ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_consumed_by CHECK (consumed_by IN ('receipt', 'receipt_window', 'no_window'))`);
    await q.query(`CREATE INDEX ix_deliveries_receipt_due ON deliveries (receipt_due_at)`);
    await q.query(`ALTER TABLE delivery_items ADD COLUMN disposition varchar(16)`);
    await q.query(`ALTER TABLE delivery_items ADD CONSTRAINT ck_delivery_items_disposition CHECK (disposition IN ('archived', 'omitted', 'withheld'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery_items DROP CONSTRAINT ck_delivery_items_disposition`);
    await q.query(`ALTER TABLE delivery_items DROP COLUMN disposition`);
    await q.query(`DROP INDEX ix_deliveries_receipt_due`);
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_consumed_by`);
    await q.query(`ALTER TABLE deliveries DROP COLUMN receipt_window_minutes, DROP COLUMN withheld_count, DROP COLUMN transfers_completed,
      DROP COLUMN archive_sha256, DROP COLUMN sent_at, DROP COLUMN receipt_due_at, DROP COLUMN consumed_by`);
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status`);
    await q.query(`ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('open', 'consumed', 'expired', 'locked'))`);
  }
}
