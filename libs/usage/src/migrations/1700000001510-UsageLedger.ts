import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole, tenantIsolationSql } from '#database';

/**
 * The append-only usage ledger, backfilled from the rows that exist when it is created (the only time
 * this library reads other libraries' tables: from now on their services write the ledger in their
 * own transactions). What retention erased before this migration can no longer be counted.
 */
export class UsageLedger1700000001510 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE usage_ledger (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      kind varchar(32) NOT NULL,
      quantity int NOT NULL,
      occurred_at timestamptz NOT NULL,
      source_id uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_usage_ledger PRIMARY KEY (id),
      CONSTRAINT fk_usage_ledger_client FOREIGN KEY (client_id) REFERENCES clients (id),
      CONSTRAINT ck_usage_ledger_kind CHECK (kind IN ('call', 'call_minutes', 'message', 'recording_stored', 'recording_deleted', 'delivery')),
      CONSTRAINT ck_usage_ledger_quantity CHECK (quantity >= 0)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_usage_ledger_kind_source ON usage_ledger (kind, source_id)`);
    await q.query(`CREATE INDEX ix_usage_ledger_client_occurred ON usage_ledger (client_id, occurred_at)`);

    // Backfill across clients (the owner may itself be bound by FORCE ROW LEVEL SECURITY).
    await q.query(`SELECT set_config('app.tenant_scope', 'all', true), set_config('app.scope_reason', 'usage_ledger_backfill', true)`);
    await q.query(`INSERT INTO usage_ledger (client_id, kind, quantity, occurred_at, source_id)
      SELECT client_id, 'call', 1, started_at, id FROM calls
      UNION ALL
      SELECT client_id, 'call_minutes', greatest(0, ceil(extract(epoch FROM (ended_at - started_at)) / 60))::int, started_at, id FROM calls WHERE ended_at IS NOT NULL
      UNION ALL
      SELECT client_id, 'message', 1, created_at, id FROM caller_messages
      UNION ALL
      SELECT client_id, 'recording_stored', 1, stored_at, id FROM recordings WHERE stored_at IS NOT NULL
      UNION ALL
      SELECT client_id, 'recording_deleted', 1, deleted_at, id FROM recordings WHERE deleted_at IS NOT NULL
      UNION ALL
      SELECT client_id, 'delivery', 1, created_at, id FROM deliveries`);

    await q.query(`CREATE FUNCTION usage_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'usage_ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trg_usage_ledger_append_only BEFORE UPDATE OR DELETE ON usage_ledger
      FOR EACH ROW EXECUTE FUNCTION usage_ledger_refuse_change()`);
    await q.query(`CREATE TRIGGER trg_usage_ledger_no_truncate BEFORE TRUNCATE ON usage_ledger
      FOR EACH STATEMENT EXECUTE FUNCTION usage_ledger_refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON usage_ledger FROM ${await appRole(q)}`);
    for (const sql of tenantIsolationSql('usage_ledger')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usage_ledger`);
    await q.query(`DROP FUNCTION usage_ledger_refuse_change()`);
  }
}
