import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tracked message that was acked (or purged) keeps its row, marked settled, for a
 * while: so the RabbitMQ broker can tell "settled" (absent from locateMessages' answer)
 * from "never tracked" (answered as waiting, the safe guess). Housekeeping prunes
 * settled rows after an hour.
 */
export class RabbitmqTrackedSettled1764279000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table rabbitmq_tracked_messages add column settled_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table rabbitmq_tracked_messages drop column settled_at`);
  }
}
