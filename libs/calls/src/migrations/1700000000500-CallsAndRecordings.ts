import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '#database';

export class CallsAndRecordings1700000000500 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calls (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      agent_id uuid NOT NULL,
      caller_number varchar(40) NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      instructions_version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_calls PRIMARY KEY (id),
      CONSTRAINT fk_calls_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_calls_times CHECK (ended_at IS NULL OR ended_at >= started_at)
    )`);
    await q.query(`CREATE INDEX ix_calls_client_started ON calls (client_id, started_at)`);
    await q.query(`CREATE INDEX ix_calls_agent_created ON calls (agent_id, created_at)`);

    await q.query(`CREATE TABLE caller_messages (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      call_id uuid NOT NULL,
      agent_id uuid NOT NULL,
      caller_name varchar(200) NOT NULL,
      caller_phone varchar(40) NOT NULL,
      caller_email varchar(320),
      body text NOT NULL,
      urgency varchar(16) NOT NULL DEFAULT 'normal',
      callback_requested boolean NOT NULL DEFAULT false,
      custom_fields jsonb NOT NULL DEFAULT '{}'::jsonb,
      instructions_version int NOT NULL,
      delivery_id uuid,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_caller_messages PRIMARY KEY (id),
      CONSTRAINT fk_caller_messages_call FOREIGN KEY (call_id) REFERENCES calls (id) ON DELETE CASCADE,
      CONSTRAINT ck_caller_messages_urgency CHECK (urgency IN ('normal', 'urgent'))
    )`);
    await q.query(`CREATE INDEX ix_caller_messages_client_created ON caller_messages (client_id, created_at)`);
    await q.query(`CREATE INDEX ix_caller_messages_call ON caller_messages (call_id)`);

    await q.query(`CREATE TABLE recordings (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      call_id uuid NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'receiving',
      content_type varchar(64) NOT NULL,
      size bigint,
      sha256 char(64),
      storage_key varchar(300) NOT NULL,
      data_key_id uuid,
      uploaded_by uuid NOT NULL,
      uploaded_via varchar(16) NOT NULL,
      instructions_version int NOT NULL,
      retain_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      stored_at timestamptz,
      delivered_at timestamptz,
      deleted_at timestamptz,
      CONSTRAINT pk_recordings PRIMARY KEY (id),
      CONSTRAINT fk_recordings_call FOREIGN KEY (call_id) REFERENCES calls (id) ON DELETE CASCADE,
      CONSTRAINT ck_recordings_status CHECK (status IN ('receiving', 'stored', 'delivered', 'deleted'))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_recordings_call ON recordings (call_id)`);
    await q.query(`CREATE INDEX ix_recordings_client_status ON recordings (client_id, status)`);
    await q.query(`CREATE INDEX ix_recordings_retention ON recordings (retain_until)`);

    for (const table of ['calls', 'caller_messages', 'recordings']) {
      for (const sql of tenantIsolationSql(table)) await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recordings`);
    await q.query(`DROP TABLE caller_messages`);
    await q.query(`DROP TABLE calls`);
  }
}
