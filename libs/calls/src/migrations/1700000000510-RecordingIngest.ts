import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recording ingest and reads: indexes for the agent's working window and the abandoned-upload sweep,
 * the clients' registered public keys, and two narrow lookups across tenants.
 *
 * The lookups answer only "which client owns this id" and "for which clients did this agent log
 * anything since": ids of the client, never caller content. The service then reads inside
 * TenantScope.run(thatClient) and the access policy decides, so a foreign id still ends as a 404. They
 * cross row-level security the way TenantScope.runAcrossClients does, by setting app.tenant_scope for
 * the function's own duration only (SET clause), with app.scope_reason naming why.
 */
export class RecordingIngest1700000000510 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_caller_messages_agent_created ON caller_messages (agent_id, created_at)`);
    await q.query(`CREATE INDEX ix_recordings_receiving ON recordings (created_at) WHERE "status" = 'receiving'`);

    await q.query(`CREATE TABLE client_public_keys (
      client_id uuid NOT NULL,
      kind varchar(16) NOT NULL,
      bits int NOT NULL,
      fingerprint_sha256 char(64) NOT NULL,
      public_key_pem text NOT NULL,
      certificate_pem text,
      subject varchar(1000),
      not_after timestamptz,
      registered_by uuid NOT NULL,
      registered_at timestamptz NOT NULL,
      CONSTRAINT pk_client_public_keys PRIMARY KEY (client_id),
      CONSTRAINT fk_client_public_keys_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_client_public_keys_kind CHECK (kind IN ('public-key', 'certificate')),
      CONSTRAINT ck_client_public_keys_bits CHECK (bits >= 3072)
    )`);

    await q.query(`CREATE FUNCTION caller_data_owner(kind text, item uuid) RETURNS uuid
      LANGUAGE sql STABLE
      SET app.tenant_scope = 'all'
      SET app.scope_reason = 'owner_lookup'
      AS $$
        SELECT CASE kind
          WHEN 'call' THEN (SELECT client_id FROM calls WHERE id = item)
          WHEN 'message' THEN (SELECT client_id FROM caller_messages WHERE id = item)
          WHEN 'recording' THEN (SELECT client_id FROM recordings WHERE id = item)
        END
      $$`);
    await q.query(`CREATE FUNCTION agent_recent_clients(agent uuid, since timestamptz) RETURNS SETOF uuid
      LANGUAGE sql STABLE
      SET app.tenant_scope = 'all'
      SET app.scope_reason = 'agent_working_window'
      AS $$
        SELECT client_id FROM calls WHERE agent_id = agent AND created_at >= since
        UNION
        SELECT client_id FROM caller_messages WHERE agent_id = agent AND created_at >= since
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION agent_recent_clients(uuid, timestamptz)`);
    await q.query(`DROP FUNCTION caller_data_owner(text, uuid)`);
    await q.query(`DROP TABLE client_public_keys`);
    await q.query(`DROP INDEX ix_recordings_receiving`);
    await q.query(`DROP INDEX ix_caller_messages_agent_created`);
  }
}
