import { MigrationInterface, QueryRunner } from 'typeorm';

/** Marketing consents (positive opt-ins) and the suppression list (keyed hashes only). */
export class MarketingConsent1700000000920 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE marketing_consents (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      subject_type varchar(16) NOT NULL,
      client_id uuid,
      name varchar(200),
      email varchar(320),
      phone varchar(40),
      email_hash char(64),
      phone_hash char(64),
      wording text NOT NULL,
      channel varchar(16) NOT NULL,
      positive_action varchar(200) NOT NULL,
      given_at timestamptz NOT NULL,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawal_channel varchar(16),
      CONSTRAINT pk_marketing_consents PRIMARY KEY (id),
      CONSTRAINT ck_marketing_consents_subject_type CHECK (subject_type IN ('client_contact', 'prospect', 'caller')),
      CONSTRAINT ck_marketing_consents_channel CHECK (channel IN ('web_form', 'email', 'phone', 'paper', 'in_person', 'in_call')),
      CONSTRAINT ck_marketing_consents_identifier CHECK (email IS NOT NULL OR phone IS NOT NULL),
      CONSTRAINT ck_marketing_consents_caller_client CHECK (subject_type <> 'caller' OR client_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX ix_marketing_consents_email_hash ON marketing_consents (email_hash)`);
    await q.query(`CREATE INDEX ix_marketing_consents_phone_hash ON marketing_consents (phone_hash)`);

    await q.query(`CREATE TABLE marketing_suppressions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      identifier_kind varchar(8) NOT NULL,
      identifier_hash char(64) NOT NULL,
      source varchar(16) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_marketing_suppressions PRIMARY KEY (id),
      CONSTRAINT uq_marketing_suppressions_identifier UNIQUE (identifier_kind, identifier_hash),
      CONSTRAINT ck_marketing_suppressions_kind CHECK (identifier_kind IN ('email', 'phone')),
      CONSTRAINT ck_marketing_suppressions_source CHECK (source IN ('opt_out', 'withdrawal', 'objection', 'erasure'))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE marketing_suppressions`);
    await q.query(`DROP TABLE marketing_consents`);
  }
}
