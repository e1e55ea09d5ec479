import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '#database';

/** Data subject requests, their forwards to the clients that control caller data, and processing restrictions. */
export class DataSubjectRequests1700000000900 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_subject_requests (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      type varchar(16) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'received',
      source varchar(24) NOT NULL DEFAULT 'data_subject',
      subject_name varchar(200),
      subject_email varchar(320),
      subject_phone varchar(40),
      details text,
      rectification jsonb,
      objection_purposes text[],
      verification_method varchar(32) NOT NULL,
      verified_at timestamptz,
      received_at timestamptz NOT NULL,
      original_due_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      extended_months int NOT NULL DEFAULT 0,
      extension_reason text,
      extended_at timestamptz,
      closed_at timestamptz,
      outcome_note text,
      controller_matches jsonb NOT NULL DEFAULT '[]'::jsonb,
      reports jsonb NOT NULL DEFAULT '[]'::jsonb,
      exported_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_data_subject_requests PRIMARY KEY (id),
      CONSTRAINT ck_data_subject_requests_type CHECK (type IN ('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'human_review')),
      CONSTRAINT ck_data_subject_requests_status CHECK (status IN ('received', 'in_progress', 'completed', 'refused')),
      CONSTRAINT ck_data_subject_requests_source CHECK (source IN ('data_subject', 'representative', 'regulator')),
      CONSTRAINT ck_data_subject_requests_verification CHECK (verification_method IN ('not_verified', 'document', 'account_login', 'email_confirmation', 'known_contact', 'controller_confirmed')),
      CONSTRAINT ck_data_subject_requests_identifier CHECK (subject_name IS NOT NULL OR subject_email IS NOT NULL OR subject_phone IS NOT NULL),
      CONSTRAINT ck_data_subject_requests_extension CHECK (extended_months BETWEEN 0 AND 2)
    )`);
    await q.query(`CREATE INDEX ix_data_subject_requests_status_due ON data_subject_requests (status, due_at)`);

    await q.query(`CREATE TABLE dsr_forwards (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      client_id uuid NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'awaiting_client',
      matches jsonb NOT NULL,
      forwarded_at timestamptz NOT NULL,
      forwarded_due_at timestamptz NOT NULL,
      answered_at timestamptz,
      last_instruction varchar(16),
      reports jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_dsr_forwards PRIMARY KEY (id),
      CONSTRAINT uq_dsr_forwards_request_client UNIQUE (request_id, client_id),
      CONSTRAINT fk_dsr_forwards_request FOREIGN KEY (request_id) REFERENCES data_subject_requests (id) ON DELETE RESTRICT,
      CONSTRAINT fk_dsr_forwards_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT,
      CONSTRAINT ck_dsr_forwards_status CHECK (status IN ('awaiting_client', 'answered', 'closed')),
      CONSTRAINT ck_dsr_forwards_instruction CHECK (last_instruction IS NULL OR last_instruction IN ('erase', 'export', 'rectify', 'restrict', 'refuse'))
    )`);
    await q.query(`CREATE INDEX ix_dsr_forwards_client_status ON dsr_forwards (client_id, status)`);
    for (const sql of tenantIsolationSql('dsr_forwards')) await q.query(sql);

    await q.query(`CREATE TABLE processing_restrictions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      request_id uuid,
      client_id uuid,
      record_type varchar(32) NOT NULL,
      record_id uuid NOT NULL,
      purposes text[] NOT NULL,
      grounds varchar(16) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      lifted_at timestamptz,
      CONSTRAINT pk_processing_restrictions PRIMARY KEY (id),
      CONSTRAINT ck_processing_restrictions_grounds CHECK (grounds IN ('restriction', 'objection'))
    )`);
    await q.query(`CREATE INDEX ix_processing_restrictions_record ON processing_restrictions (record_type, record_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processing_restrictions`);
    await q.query(`DROP TABLE dsr_forwards`);
    await q.query(`DROP TABLE data_subject_requests`);
  }
}
