import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from '#database';
import { REFUSE_CHANGE_BUT_CHAINING } from './1700000000200-AuditEvents';

const EVENT_COLUMNS = 'id, occurred_at, actor_id, actor_role, client_id, data_role, purpose, action, subject_type, subject_id, outcome, details';

/**
 * An audit event is written once (issue 14). Events wait in `audit_pending_events` (one index) until
 * the sequencer chains them; `audit_chain_events` then moves them, field for field, into
 * `audit_events` with their place and hash. Before, every event was inserted into audit_events with
 * six indexes and then rewritten whole (non-HOT, five indexes, a trigger per row) when chained.
 * audit_events now holds chained events only, and nothing updates it. The runtime role may insert
 * pending events and read them; it neither deletes them nor writes audit_events: the function (run as
 * the owner) copies what was recorded and adds only the chain columns the sequencer computed.
 */
export class AuditPendingEvents1700000002020 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const app = await appRole(q);
    // The event columns as audit_events has them (ids from its sequence), without the chain columns.
    await q.query(`CREATE TABLE audit_pending_events (LIKE audit_events INCLUDING DEFAULTS)`);
    await q.query(`ALTER TABLE audit_pending_events DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN canonical,
      ADD CONSTRAINT pk_audit_pending_events PRIMARY KEY (id)`);
    // Events committed but not chained yet move over as they are.
    await q.query(`ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_no_update_delete`);
    await q.query(`INSERT INTO audit_pending_events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM audit_events WHERE seq IS NULL`);
    await q.query(`DELETE FROM audit_events WHERE seq IS NULL`);
    await q.query(`ALTER TABLE audit_events ENABLE TRIGGER trg_audit_events_no_update_delete`);
    await q.query(`DROP INDEX ix_audit_events_pending`);
    await q.query(`ALTER TABLE audit_events ALTER seq SET NOT NULL, ALTER prev_hash SET NOT NULL, ALTER hash SET NOT NULL, ALTER canonical SET NOT NULL`);

    await q.query(`CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND audit_event_retired(OLD.seq) THEN
          RETURN OLD; -- retention retiring a whole sealed segment
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE FUNCTION audit_pending_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_pending_events: % refused (events leave only by being chained)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trg_audit_pending_events_no_update BEFORE UPDATE ON audit_pending_events
      FOR EACH ROW EXECUTE FUNCTION audit_pending_events_refuse_change()`);
    await q.query(`CREATE TRIGGER trg_audit_pending_events_no_truncate BEFORE TRUNCATE ON audit_pending_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_pending_events_refuse_change()`);

    // The sequencer's one write: the pending events named, moved with the place and hash it computed.
    await q.query(`CREATE FUNCTION audit_chain_events(p_ids bigint[], p_seqs bigint[], p_prev_hashes text[], p_hashes text[], p_canonicals text[])
      RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        moved integer;
      BEGIN
        WITH chained AS (
          DELETE FROM audit_pending_events p
           USING unnest(p_ids, p_seqs, p_prev_hashes, p_hashes, p_canonicals) AS v(id, seq, prev_hash, hash, canonical)
           WHERE p.id = v.id
          RETURNING p.*, v.seq, v.prev_hash, v.hash, v.canonical)
        INSERT INTO audit_events (${EVENT_COLUMNS}, seq, prev_hash, hash, canonical)
        SELECT ${EVENT_COLUMNS}, seq, prev_hash, hash, canonical FROM chained;
        GET DIAGNOSTICS moved = ROW_COUNT;
        IF moved <> cardinality(p_ids) THEN
          RAISE EXCEPTION 'audit_chain_events: % of % events are pending', moved, cardinality(p_ids) USING ERRCODE = 'no_data_found';
        END IF;
        RETURN moved;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_chain_events(bigint[], bigint[], text[], text[], text[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_chain_events(bigint[], bigint[], text[], text[], text[]) TO ${app}`);
    await q.query(`REVOKE ALL ON audit_pending_events FROM ${app}`);
    await q.query(`GRANT SELECT, INSERT ON audit_pending_events TO ${app}`);
    await q.query(`REVOKE UPDATE (seq, prev_hash, hash, canonical) ON audit_events FROM ${app}`);
    await q.query(`REVOKE INSERT, UPDATE ON audit_events FROM ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const app = await appRole(q);
    await q.query(`GRANT INSERT ON audit_events TO ${app}`);
    await q.query(`GRANT UPDATE (seq, prev_hash, hash, canonical) ON audit_events TO ${app}`);
    await q.query(`DROP FUNCTION audit_chain_events(bigint[], bigint[], text[], text[], text[])`);
    await q.query(`ALTER TABLE audit_events ALTER seq DROP NOT NULL, ALTER prev_hash DROP NOT NULL, ALTER hash DROP NOT NULL, ALTER canonical DROP NOT NULL`);
    await q.query(`CREATE INDEX ix_audit_events_pending ON audit_events (id) WHERE seq IS NULL`);
    await q.query(`INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM audit_pending_events`);
    await q.query(`DROP TABLE audit_pending_events`);
    await q.query(`DROP FUNCTION audit_pending_events_refuse_change()`);
    await q.query(`CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$${REFUSE_CHANGE_BUT_CHAINING}$$`);
  }
}
