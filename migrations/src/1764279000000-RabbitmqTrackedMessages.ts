import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages the RabbitMQ broker can answer for: those published within a transaction
 * (run requests of the api and of schedule fires). A row lives from the publish's
 * commit until the message is acked (deleted, in the acking transaction when it is
 * acked within one) and records where it died when it was dead-lettered. It answers
 * what RabbitMQ cannot: "which of these messages are unfinished", "which died".
 */
export class RabbitmqTrackedMessages1764279000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table rabbitmq_tracked_messages (
        message_id text primary key,
        queue text not null,
        dead_from text,
        death jsonb,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index rabbitmq_tracked_messages_queue on rabbitmq_tracked_messages (queue)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists rabbitmq_tracked_messages`);
  }
}
