import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '#database';

/** Deliveries (one-time credentialed downloads), their items, and the deletion outbox. All carry client_id and RLS. */
export class Deliveries1700000000600 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deliveries (
      id uuid NOT NULL,
      client_id uuid NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'open',
      password_hash text,
      created_by uuid NOT NULL,
      created_by_role varchar(32) NOT NULL,
      instructions_version int NOT NULL,
      recording_count int NOT NULL,
      message_count int NOT NULL,
      expires_at timestamptz NOT NULL,
      failed_attempts int NOT NULL DEFAULT 0,
      lease_until timestamptz,
      lease_token uuid,
      downloads_started int NOT NULL DEFAULT 0,
      bytes_sent bigint,
      consumed_at timestamptz,
      locked_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL,
      CONSTRAINT pk_deliveries PRIMARY KEY (id),
      CONSTRAINT fk_deliveries_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_deliveries_status CHECK (status IN ('open', 'consumed', 'expired', 'locked')),
      CONSTRAINT ck_deliveries_failed_attempts CHECK (failed_attempts >= 0)
    )`);
    await q.query(`CREATE INDEX ix_deliveries_client_created ON deliveries (client_id, created_at)`);
    await q.query(`CREATE INDEX ix_deliveries_open_expiry ON deliveries (expires_at) WHERE "status" = 'open'`);

    await q.query(`CREATE TABLE delivery_items (
      delivery_id uuid NOT NULL,
      item_id uuid NOT NULL,
      client_id uuid NOT NULL,
      kind varchar(16) NOT NULL,
      CONSTRAINT pk_delivery_items PRIMARY KEY (delivery_id, item_id),
      CONSTRAINT fk_delivery_items_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE,
      CONSTRAINT ck_delivery_items_kind CHECK (kind IN ('recording', 'message'))
    )`);
    await q.query(`CREATE INDEX ix_delivery_items_item ON delivery_items (item_id)`);

    await q.query(`CREATE TABLE deletion_outbox (
      id uuid NOT NULL,
      client_id uuid NOT NULL,
      recording_id uuid NOT NULL,
      reason varchar(16) NOT NULL,
      delivery_id uuid,
      status varchar(16) NOT NULL DEFAULT 'pending',
      attempts int NOT NULL DEFAULT 0,
      last_error varchar(64),
      last_attempt_at timestamptz,
      created_at timestamptz NOT NULL,
      completed_at timestamptz,
      CONSTRAINT pk_deletion_outbox PRIMARY KEY (id),
      CONSTRAINT fk_deletion_outbox_recording FOREIGN KEY (recording_id) REFERENCES recordings (id) ON DELETE CASCADE,
      CONSTRAINT ck_deletion_outbox_reason CHECK (reason IN ('delivered', 'retention')),
      CONSTRAINT ck_deletion_outbox_status CHECK (status IN ('pending', 'done'))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_deletion_outbox_recording ON deletion_outbox (recording_id)`);
    await q.query(`CREATE INDEX ix_deletion_outbox_pending ON deletion_outbox (created_at) WHERE "status" = 'pending'`);

    for (const table of ['deliveries', 'delivery_items', 'deletion_outbox']) {
      for (const sql of tenantIsolationSql(table)) await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deletion_outbox`);
    await q.query(`DROP TABLE delivery_items`);
    await q.query(`DROP TABLE deliveries`);
  }
}
