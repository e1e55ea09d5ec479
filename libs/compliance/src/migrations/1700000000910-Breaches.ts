import { MigrationInterface, QueryRunner } from 'typeorm';

/** The breach register. Every breach stays on it (art. 33(5)): DELETE and TRUNCATE are refused by trigger. */
export class Breaches1700000000910 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE breaches (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      detected_at timestamptz NOT NULL,
      occurred_at timestamptz,
      nature text NOT NULL,
      data_categories text[] NOT NULL,
      affects_caller_data boolean NOT NULL,
      affects_operator_data boolean NOT NULL,
      approx_subjects int,
      approx_records int,
      likely_consequences text NOT NULL,
      measures_taken text NOT NULL,
      high_risk boolean NOT NULL DEFAULT false,
      regulator_due_at timestamptz,
      regulator_notified_at timestamptz,
      regulator_reference varchar(100),
      regulator_not_required_reason text,
      subjects_informed_at timestamptz,
      subjects_not_informed_reason text,
      recorded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_breaches PRIMARY KEY (id),
      CONSTRAINT ck_breaches_scope CHECK (affects_caller_data OR affects_operator_data),
      CONSTRAINT ck_breaches_regulator_due CHECK ((regulator_due_at IS NOT NULL) = affects_operator_data)
    )`);
    await q.query(`CREATE INDEX ix_breaches_detected ON breaches (detected_at)`);

    await q.query(`CREATE TABLE breach_affected_clients (
      breach_id uuid NOT NULL,
      client_id uuid NOT NULL,
      notify_by timestamptz NOT NULL,
      notified_at timestamptz,
      notified_by uuid,
      channel varchar(16),
      CONSTRAINT pk_breach_affected_clients PRIMARY KEY (breach_id, client_id),
      CONSTRAINT fk_breach_affected_clients_breach FOREIGN KEY (breach_id) REFERENCES breaches (id) ON DELETE RESTRICT,
      CONSTRAINT fk_breach_affected_clients_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
    )`);

    await q.query(`CREATE FUNCTION breaches_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the breach register keeps every breach: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['breaches', 'breach_affected_clients']) {
      await q.query(`CREATE TRIGGER trg_${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION breaches_refuse_delete()`);
      await q.query(`CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION breaches_refuse_delete()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE breach_affected_clients`);
    await q.query(`DROP TABLE breaches`);
    await q.query(`DROP FUNCTION breaches_refuse_delete()`);
  }
}
