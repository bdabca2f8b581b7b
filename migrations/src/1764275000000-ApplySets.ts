import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `interflow apply` records, per named apply set, the objects it created and manages
 * (kind, name, id and a salted digest of any credentials it sent). `--prune` deletes only
 * objects listed here, so objects made by hand or by another apply set are never touched.
 */
export class ApplySets1764275000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table apply_sets (
        name text primary key,
        objects jsonb not null default '[]'::jsonb,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table apply_sets`);
  }
}
