import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Installation-wide settings (one row per key), e.g. whether the bootstrap admin token
 * was already issued. Names are unqualified: connections run with search_path = schema.
 */
export class Baseline1764270000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table settings (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table settings`);
  }
}
