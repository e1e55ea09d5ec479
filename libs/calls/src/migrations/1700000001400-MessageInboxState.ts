import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's inbox: when a message was read and actioned (and by which user), kept on the message
 * since it is the client's own working state of its data. The list is paged by (created_at, id) per
 * client, so that index replaces the one on (client_id, created_at); unread messages get their own
 * partial index so the unread count stays an index-only walk at 10,000 messages.
 */
export class MessageInboxState1700000001400 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE caller_messages
      ADD COLUMN read_at timestamptz,
      ADD COLUMN read_by uuid,
      ADD COLUMN actioned_at timestamptz,
      ADD COLUMN actioned_by uuid`);
    await q.query(`DROP INDEX ix_caller_messages_client_created`);
    await q.query(`CREATE INDEX ix_caller_messages_client_created ON caller_messages (client_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_caller_messages_client_unread ON caller_messages (client_id, created_at) WHERE "read_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_caller_messages_client_unread`);
    await q.query(`DROP INDEX ix_caller_messages_client_created`);
    await q.query(`CREATE INDEX ix_caller_messages_client_created ON caller_messages (client_id, created_at)`);
    await q.query(`ALTER TABLE caller_messages DROP COLUMN read_at, DROP COLUMN read_by, DROP COLUMN actioned_at, DROP COLUMN actioned_by`);
  }
}
