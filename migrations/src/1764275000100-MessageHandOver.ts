import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempt accounting that does not charge a message for its consumer's death while it
 * sat in that consumer's prefetch buffer (issue 9, item 6):
 * - `handed_over`: the current lease's delivery reached a handler (or was claimed by a
 *   caller that handles it at once). A lease that lapses while false gives its attempt
 *   back.
 * - `recovered`: the message's last lease lapsed unsettled (its consumer died or
 *   stalled). A consumer hands such a message over alone, recording the hand-over first.
 */
export class MessageHandOver1764275000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table mq_messages
        add column handed_over boolean not null default true,
        add column recovered boolean not null default false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table mq_messages drop column handed_over, drop column recovered`);
  }
}
