import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'callvault_app';

/**
 * Sealed segments of the audit chain, the only unit in which old audit may be deleted (retention,
 * D12). The audit_events trigger lets a row go only when it lies in a segment marked pruned; a
 * segment can be marked pruned once, and only when every older segment already is.
 */
export class AuditSegments1700000000210 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_segments (
      id serial NOT NULL,
      first_seq bigint NOT NULL,
      last_seq bigint NOT NULL,
      events integer NOT NULL,
      prev_hash char(64) NOT NULL,
      last_hash char(64) NOT NULL,
      first_occurred_at timestamptz NOT NULL,
      last_occurred_at timestamptz NOT NULL,
      sealed_at timestamptz NOT NULL,
      pruned_at timestamptz,
      CONSTRAINT pk_audit_segments PRIMARY KEY (id),
      CONSTRAINT uq_audit_segments_first_seq UNIQUE (first_seq),
      CONSTRAINT ck_audit_segments_range CHECK (last_seq >= first_seq)
    )`);
    await q.query(`CREATE FUNCTION audit_segments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.first_seq <> coalesce((SELECT max(last_seq) FROM audit_segments), 0) + 1 THEN
            RAISE EXCEPTION 'audit segments must follow each other without gaps' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.pruned_at IS NULL AND NEW.pruned_at IS NOT NULL
           AND (NEW.id, NEW.first_seq, NEW.last_seq, NEW.events, NEW.prev_hash, NEW.last_hash, NEW.first_occurred_at, NEW.last_occurred_at, NEW.sealed_at)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.first_seq, OLD.last_seq, OLD.events, OLD.prev_hash, OLD.last_hash, OLD.first_occurred_at, OLD.last_occurred_at, OLD.sealed_at) THEN
          IF EXISTS (SELECT 1 FROM audit_segments s WHERE s.first_seq < OLD.first_seq AND s.pruned_at IS NULL) THEN
            RAISE EXCEPTION 'audit segments are pruned oldest first' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_segments is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trg_audit_segments_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_segments
      FOR EACH ROW EXECUTE FUNCTION audit_segments_guard()`);
    await q.query(`CREATE TRIGGER trg_audit_segments_no_truncate BEFORE TRUNCATE ON audit_segments
      FOR EACH STATEMENT EXECUTE FUNCTION audit_segments_guard()`);

    await q.query(`CREATE OR REPLACE FUNCTION audit_event_retired(seq bigint) RETURNS boolean LANGUAGE sql STABLE AS
      'SELECT EXISTS (SELECT 1 FROM audit_segments s WHERE s.pruned_at IS NOT NULL AND $1 BETWEEN s.first_seq AND s.last_seq)'`);
    await q.query(`GRANT DELETE ON audit_events TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON audit_segments TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (pruned_at) ON audit_segments TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_segments_id_seq TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON audit_events FROM ${APP_ROLE}`);
    await q.query(`CREATE OR REPLACE FUNCTION audit_event_retired(seq bigint) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT false'`);
    await q.query(`DROP TABLE audit_segments`);
    await q.query(`DROP FUNCTION audit_segments_guard()`);
  }
}
