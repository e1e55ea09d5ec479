import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS, appRole } from '#database';

/** Serialises sealing and pruning (the app's AuditSegments uses the same key). */
const SEGMENT_LOCK = ADVISORY_LOCKS.auditSegments;

/**
 * Audit segments the application cannot forge (issue 10). The runtime role loses every write on
 * audit_segments and DELETE on audit_events; sealing, pruning and emptying go through functions that
 * run as the owner (SECURITY DEFINER, search_path pinned) and compute what they write from the events:
 * - audit_seal_segment(before): the chained events after the last segment, up to the first one that
 *   occurred at or after `before`, checked link by link (seq without gaps, each prev_hash the hash
 *   before it, each hash the SHA-256 of its text), anchored on the previous segment's last hash;
 * - audit_prune_segment(id): only the oldest unpruned segment, only if its events still match it
 *   (count, anchor, last hash, links, youngest event) and only once its youngest event is older than
 *   audit_settings.retention_months on the database's own clock (audit_clock()); the setting is
 *   written by the owner at start from AUDIT_RETENTION_MONTHS (never below 12), not passed by the app;
 * - audit_empty_pruned_segments(limit): deletes what is left of pruned segments' events, in batches.
 */
export class AuditSegmentFunctions1700000001201 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const app = await appRole(q);
    await q.query(`CREATE TABLE audit_settings (
      id boolean NOT NULL DEFAULT true,
      retention_months integer NOT NULL,
      CONSTRAINT pk_audit_settings PRIMARY KEY (id),
      CONSTRAINT ck_audit_settings_one_row CHECK (id),
      CONSTRAINT ck_audit_settings_retention CHECK (retention_months >= 12)
    )`);
    await q.query(`INSERT INTO audit_settings (retention_months) VALUES (84)`);
    await q.query(`REVOKE ALL ON audit_settings FROM ${app}`);
    await q.query(`GRANT SELECT ON audit_settings TO ${app}`);

    // The clock retention is measured on: the database's, which the application cannot set.
    await q.query(`CREATE FUNCTION audit_clock() RETURNS timestamptz LANGUAGE sql STABLE AS 'SELECT now()'`);

    await q.query(`CREATE FUNCTION audit_span(p_first bigint, p_last bigint, p_anchor text)
      RETURNS TABLE (events bigint, first_occurred_at timestamptz, last_occurred_at timestamptz, last_hash text, broken_at bigint)
      LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
        WITH span AS (
          SELECT seq, occurred_at, hash, canonical, prev_hash,
                 lag(hash) OVER (ORDER BY seq) AS hash_before, lag(seq) OVER (ORDER BY seq) AS seq_before
            FROM audit_events WHERE seq BETWEEN p_first AND p_last)
        SELECT count(*), min(occurred_at), max(occurred_at),
               (SELECT hash FROM span WHERE seq = p_last),
               min(seq) FILTER (WHERE seq <> coalesce(seq_before + 1, p_first)
                                   OR prev_hash IS DISTINCT FROM coalesce(hash_before, p_anchor)
                                   OR hash IS DISTINCT FROM encode(sha256(convert_to(canonical, 'UTF8')), 'hex'))
          FROM span
      $$`);

    await q.query(`CREATE FUNCTION audit_seal_segment(p_before timestamptz) RETURNS SETOF audit_segments
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        previous audit_segments;
        v_first bigint;
        v_last bigint;
        v_anchor text;
        s record;
      BEGIN
        PERFORM pg_advisory_xact_lock(${SEGMENT_LOCK});
        SELECT * INTO previous FROM audit_segments ORDER BY last_seq DESC LIMIT 1;
        v_first := coalesce(previous.last_seq, 0) + 1;
        v_anchor := coalesce(previous.last_hash, repeat('0', 64));
        SELECT coalesce(min(seq) FILTER (WHERE occurred_at >= p_before) - 1, max(seq)) INTO v_last
          FROM audit_events WHERE seq >= v_first;
        IF v_last IS NULL OR v_last < v_first THEN RETURN; END IF;
        SELECT * INTO s FROM audit_span(v_first, v_last, v_anchor);
        IF s.broken_at IS NOT NULL OR s.events <> v_last - v_first + 1 THEN
          RAISE EXCEPTION 'audit chain broken at seq %; not sealing', coalesce(s.broken_at, v_first) USING ERRCODE = 'data_corrupted';
        END IF;
        RETURN QUERY INSERT INTO audit_segments (first_seq, last_seq, events, prev_hash, last_hash, first_occurred_at, last_occurred_at, sealed_at)
          VALUES (v_first, v_last, s.events, v_anchor, s.last_hash, s.first_occurred_at, s.last_occurred_at, audit_clock())
          RETURNING *;
      END $$`);

    await q.query(`CREATE FUNCTION audit_prune_segment(p_id integer) RETURNS SETOF audit_segments
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        seg audit_segments;
        previous audit_segments;
        s record;
        v_months integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(${SEGMENT_LOCK});
        SELECT * INTO seg FROM audit_segments WHERE id = p_id FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'audit segment % is not sealed', p_id USING ERRCODE = 'no_data_found';
        END IF;
        IF seg.pruned_at IS NOT NULL THEN
          RAISE EXCEPTION 'audit segment % is already pruned', p_id USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF EXISTS (SELECT 1 FROM audit_segments WHERE first_seq < seg.first_seq AND pruned_at IS NULL) THEN
          RAISE EXCEPTION 'audit segments are pruned oldest first' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT * INTO previous FROM audit_segments WHERE last_seq < seg.first_seq ORDER BY last_seq DESC LIMIT 1;
        IF seg.first_seq <> coalesce(previous.last_seq, 0) + 1 OR seg.prev_hash <> coalesce(previous.last_hash, repeat('0', 64)) THEN
          RAISE EXCEPTION 'audit segment % does not link to the one before it', p_id USING ERRCODE = 'data_corrupted';
        END IF;
        SELECT * INTO s FROM audit_span(seg.first_seq, seg.last_seq, seg.prev_hash);
        IF s.broken_at IS NOT NULL OR s.events <> seg.events OR s.events <> seg.last_seq - seg.first_seq + 1
           OR s.last_hash IS DISTINCT FROM seg.last_hash OR s.last_occurred_at IS DISTINCT FROM seg.last_occurred_at THEN
          RAISE EXCEPTION 'audit segment % does not match its events', p_id USING ERRCODE = 'data_corrupted';
        END IF;
        SELECT retention_months INTO v_months FROM audit_settings;
        IF s.last_occurred_at >= audit_clock() - make_interval(months => v_months) THEN
          RAISE EXCEPTION 'audit segment % is younger than the retention period (% months)', p_id, v_months
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN QUERY UPDATE audit_segments SET pruned_at = audit_clock() WHERE id = p_id RETURNING *;
      END $$`);

    await q.query(`CREATE FUNCTION audit_empty_pruned_segments(p_limit integer) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        v_through bigint;
        v_deleted integer;
      BEGIN
        SELECT max(last_seq) INTO v_through FROM audit_segments WHERE pruned_at IS NOT NULL;
        IF v_through IS NULL THEN RETURN 0; END IF;
        DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE seq <= v_through LIMIT greatest(p_limit, 1));
        GET DIAGNOSTICS v_deleted = ROW_COUNT;
        RETURN v_deleted;
      END $$`);

    for (const fn of ['audit_seal_segment(timestamptz)', 'audit_prune_segment(integer)', 'audit_empty_pruned_segments(integer)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${app}`);
    }
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_segments FROM ${app}`);
    await q.query(`REVOKE ALL ON SEQUENCE audit_segments_id_seq FROM ${app}`);
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_events FROM ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const app = await appRole(q);
    await q.query(`GRANT DELETE ON audit_events TO ${app}`);
    await q.query(`GRANT INSERT ON audit_segments TO ${app}`);
    await q.query(`GRANT UPDATE (pruned_at) ON audit_segments TO ${app}`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_segments_id_seq TO ${app}`);
    await q.query(`DROP FUNCTION audit_empty_pruned_segments(integer)`);
    await q.query(`DROP FUNCTION audit_prune_segment(integer)`);
    await q.query(`DROP FUNCTION audit_seal_segment(timestamptz)`);
    await q.query(`DROP FUNCTION audit_span(bigint, bigint, text)`);
    await q.query(`DROP FUNCTION audit_clock()`);
    await q.query(`DROP TABLE audit_settings`);
  }
}
