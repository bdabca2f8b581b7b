import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foreign key from `schedule_fires` to `schedules` ran a row trigger for every fire
 * key (half the cost of inserting them at 10,000 fires a second). It guarded nothing the
 * producer does not already hold: the fire's transaction has the schedule row locked.
 * Deleting a schedule deletes its fire keys in the same transaction instead.
 */
export class ScheduleFiresWithoutForeignKey1764274000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table schedule_fires drop constraint schedule_fires_schedule_id_fkey`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`delete from schedule_fires f where not exists (select 1 from schedules s where s.id = f.schedule_id)`);
    await queryRunner.query(`
      alter table schedule_fires add constraint schedule_fires_schedule_id_fkey
        foreign key (schedule_id) references schedules (id) on delete cascade`);
  }
}
