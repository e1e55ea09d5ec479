import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1700000001610 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id uuid NOT NULL,
      client_id uuid,
      audience varchar(16) NOT NULL,
      event varchar(40) NOT NULL,
      urgent boolean NOT NULL DEFAULT false,
      summary varchar(500) NOT NULL,
      facts jsonb NOT NULL DEFAULT '{}'::jsonb,
      group_open_until timestamptz,
      sealed_secret bytea,
      created_at timestamptz NOT NULL,
      CONSTRAINT pk_notifications PRIMARY KEY (id),
      CONSTRAINT fk_notifications_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_notifications_audience CHECK (audience IN ('client', 'admin', 'dpo'))
    )`);
    await q.query(`CREATE INDEX ix_notifications_client_created ON notifications (client_id, created_at)`);
    await q.query(`CREATE INDEX ix_notifications_audience_created ON notifications (audience, created_at)`);
    await q.query(`CREATE INDEX ix_notifications_open_group ON notifications (client_id, event) WHERE "group_open_until" IS NOT NULL`);

    await q.query(`CREATE TABLE webhook_endpoints (
      id uuid NOT NULL,
      client_id uuid NOT NULL,
      url varchar(2000) NOT NULL,
      events jsonb,
      secret_wrapped bytea NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      consecutive_failures int NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL,
      disabled_at timestamptz,
      CONSTRAINT pk_webhook_endpoints PRIMARY KEY (id),
      CONSTRAINT fk_webhook_endpoints_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT ck_webhook_endpoints_status CHECK (status IN ('active', 'disabled', 'deleted'))
    )`);
    await q.query(`CREATE INDEX ix_webhook_endpoints_client ON webhook_endpoints (client_id)`);

    await q.query(`CREATE TABLE notification_outbox (
      id uuid NOT NULL,
      notification_id uuid NOT NULL,
      client_id uuid,
      channel varchar(16) NOT NULL,
      email_address varchar(320),
      endpoint_id uuid,
      status varchar(16) NOT NULL DEFAULT 'pending',
      attempts int NOT NULL DEFAULT 0,
      last_error varchar(64),
      due_at timestamptz NOT NULL,
      last_attempt_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz NOT NULL,
      CONSTRAINT pk_notification_outbox PRIMARY KEY (id),
      CONSTRAINT fk_notification_outbox_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
      CONSTRAINT fk_notification_outbox_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      CONSTRAINT ck_notification_outbox_channel CHECK (channel IN ('email', 'webhook')),
      CONSTRAINT ck_notification_outbox_status CHECK (status IN ('pending', 'sent', 'failed')),
      CONSTRAINT ck_notification_outbox_target CHECK ((channel = 'email' AND email_address IS NOT NULL) OR (channel = 'webhook' AND endpoint_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX ix_notification_outbox_due ON notification_outbox (due_at) WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX ix_notification_outbox_notification ON notification_outbox (notification_id)`);

    await q.query(`CREATE TABLE urgent_escalations (
      id uuid NOT NULL,
      client_id uuid NOT NULL,
      message_id uuid NOT NULL,
      level int NOT NULL DEFAULT 0,
      next_at timestamptz NOT NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL,
      CONSTRAINT pk_urgent_escalations PRIMARY KEY (id),
      CONSTRAINT fk_urgent_escalations_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_urgent_escalations_message ON urgent_escalations (message_id)`);
    await q.query(`CREATE INDEX ix_urgent_escalations_due ON urgent_escalations (next_at) WHERE "resolved_at" IS NULL`);

    await q.query(`CREATE TABLE deadline_reminders (
      id uuid NOT NULL,
      audience varchar(16) NOT NULL,
      client_id uuid,
      subject_type varchar(40) NOT NULL,
      subject_id uuid NOT NULL,
      deadline_label varchar(40) NOT NULL,
      deadline_at timestamptz NOT NULL,
      kind varchar(16) NOT NULL,
      remind_at timestamptz NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'pending',
      CONSTRAINT pk_deadline_reminders PRIMARY KEY (id),
      CONSTRAINT ck_deadline_reminders_audience CHECK (audience IN ('client', 'dpo')),
      CONSTRAINT ck_deadline_reminders_kind CHECK (kind IN ('day_before', 'overdue')),
      CONSTRAINT ck_deadline_reminders_status CHECK (status IN ('pending', 'sent', 'cancelled'))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_deadline_reminders_subject_kind ON deadline_reminders (subject_type, subject_id, deadline_label, kind)`);
    await q.query(`CREATE INDEX ix_deadline_reminders_due ON deadline_reminders (remind_at) WHERE "status" = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['deadline_reminders', 'urgent_escalations', 'notification_outbox', 'webhook_endpoints', 'notifications']) await q.query(`DROP TABLE ${table}`);
  }
}
