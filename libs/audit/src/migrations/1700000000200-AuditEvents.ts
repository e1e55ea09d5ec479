import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'callvault_app';

/** The trigger's body as this migration wrote it (migration 1700000002020 restores it on the way down). */
export const REFUSE_CHANGE_BUT_CHAINING = `
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.client_id, NEW.data_role, NEW.purpose,
                NEW.action, NEW.subject_type, NEW.subject_id, NEW.outcome, NEW.details)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_role, OLD.client_id, OLD.data_role, OLD.purpose,
                OLD.action, OLD.subject_type, OLD.subject_id, OLD.outcome, OLD.details) THEN
          RETURN NEW; -- the sequencer chaining a pending event, once
        END IF;
        IF TG_OP = 'DELETE' AND OLD.seq IS NOT NULL AND audit_event_retired(OLD.seq) THEN
          RETURN OLD; -- retention retiring a whole sealed segment
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END `;

/**
 * The accountability record. Append-only by trigger (which holds even for superusers) and by grant:
 * the one update allowed is the sequencer's, filling the chain columns of a pending event once.
 */
export class AuditEvents1700000000200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_events (
      id bigserial NOT NULL,
      seq bigint,
      occurred_at timestamptz NOT NULL,
      actor_id uuid,
      actor_role varchar(32) NOT NULL,
      client_id uuid,
      data_role varchar(16) NOT NULL,
      purpose varchar(32) NOT NULL,
      action varchar(64) NOT NULL,
      subject_type varchar(32),
      subject_id varchar(64),
      outcome varchar(16) NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash char(64),
      hash char(64),
      canonical text,
      CONSTRAINT pk_audit_events PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_events_seq ON audit_events (seq)`);
    await q.query(`CREATE INDEX ix_audit_events_pending ON audit_events (id) WHERE seq IS NULL`);
    await q.query(`CREATE INDEX ix_audit_events_client_time ON audit_events (client_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_events_actor_time ON audit_events (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_events_subject ON audit_events (subject_id)`);
    // Whether retention may delete a chained event; nothing may until sealed segments exist (migration 210).
    await q.query(`CREATE FUNCTION audit_event_retired(seq bigint) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT false'`);
    await q.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$${REFUSE_CHANGE_BUT_CHAINING}$$`);
    await q.query(`CREATE TRIGGER trg_audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await q.query(`CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    await q.query(`REVOKE ALL ON audit_events FROM ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (seq, prev_hash, hash, canonical) ON audit_events TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_refuse_change()`);
    await q.query(`DROP FUNCTION audit_event_retired(bigint)`);
  }
}
