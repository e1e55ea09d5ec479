import { MigrationInterface, QueryRunner } from 'typeorm';

/** The client's receipt window: how long a delivery sent completely waits for the client's receipt before it is consumed anyway. */
export class ReceiptWindow1700000001100 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions ADD COLUMN receipt_window_minutes int NOT NULL DEFAULT 60`);
    await q.query(`ALTER TABLE processing_instructions ADD CONSTRAINT ck_processing_instructions_receipt_window CHECK (receipt_window_minutes BETWEEN 0 AND 10080)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_instructions DROP CONSTRAINT ck_processing_instructions_receipt_window`);
    await q.query(`ALTER TABLE processing_instructions DROP COLUMN receipt_window_minutes`);
  }
}
