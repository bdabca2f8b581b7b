import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders repeat (docs/decisions.md): a notification that needs confirmation reminds an
 * unconfirmed delivery every `remind_after_ms`, at most `max_reminders` times. A delivery
 * counts its reminders (`reminded_at` is the last one), and a channel send is unique per
 * delivery, channel, purpose and reminder number, so each reminder has its own send
 * (its own idempotency id) and a repeated sweep still adds none.
 */
export class RepeatedReminders1764281500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table notifications add column max_reminders integer`);
    await queryRunner.query(`update notifications set max_reminders = 1 where remind_after_ms is not null`);
    await queryRunner.query(`alter table notification_deliveries add column reminders integer not null default 0`);
    await queryRunner.query(`update notification_deliveries set reminders = 1 where reminded_at is not null`);
    await queryRunner.query(`alter table notification_sends add column reminder integer not null default 0`);
    await queryRunner.query(`alter table notification_sends drop constraint notification_sends_delivery_id_channel_purpose_key`);
    await queryRunner.query(`alter table notification_sends add constraint notification_sends_once unique (delivery_id, channel, purpose, reminder)`);
    await queryRunner.query(`update notification_sends set reminder = 1 where purpose = 'reminder'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`delete from notification_sends where purpose = 'reminder' and reminder > 1`);
    await queryRunner.query(`alter table notification_sends drop constraint notification_sends_once`);
    await queryRunner.query(`alter table notification_sends add constraint notification_sends_delivery_id_channel_purpose_key unique (delivery_id, channel, purpose)`);
    await queryRunner.query(`alter table notification_sends drop column reminder`);
    await queryRunner.query(`alter table notification_deliveries drop column reminders`);
    await queryRunner.query(`alter table notifications drop column max_reminders`);
  }
}
