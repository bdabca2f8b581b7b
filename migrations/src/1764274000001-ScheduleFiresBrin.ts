import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `schedule_fires` gets a row per fire (10,000 a second for 10,000 per-second
 * schedules) and is only scanned by time to prune it. Rows arrive in time order, so a
 * BRIN index serves the prune at a fraction of a b-tree's cost on every insert.
 */
export class ScheduleFiresBrin1764274000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index schedule_fires_recorded`);
    await queryRunner.query(`create index schedule_fires_recorded on schedule_fires using brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index schedule_fires_recorded`);
    await queryRunner.query(`create index schedule_fires_recorded on schedule_fires (recorded_at)`);
  }
}
