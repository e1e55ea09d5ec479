import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from '#database';

/**
 * Messages that joined an open new-message notice and are not yet folded into its facts. A message
 * joins with one INSERT (under the client's grouping lock in shared mode), so concurrent messages of
 * one client no longer queue on the notice's row; the sender, the grouping step and the list fold
 * them in first. No foreign key: its check would lock the notice's row for every message.
 */
export class NoticeMessageJoins1700000001800 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notice_message_joins (
      id bigint GENERATED ALWAYS AS IDENTITY,
      notification_id uuid NOT NULL,
      message_id uuid NOT NULL,
      CONSTRAINT pk_notice_message_joins PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_notice_message_joins_notification ON notice_message_joins (notification_id, id)`);
    const app = await appRole(q);
    await q.query(`GRANT SELECT, INSERT, DELETE ON notice_message_joins TO ${app}`);
    await q.query(`GRANT USAGE ON SEQUENCE notice_message_joins_id_seq TO ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notice_message_joins`);
  }
}
