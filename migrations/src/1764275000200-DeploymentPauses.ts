import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deployment told to wait (a 429 or 503 with Retry-After from its connector): no runner
 * calls it before `until`. Keyed like the other call-limit tables (deployment id as
 * text, no foreign key: rows are disposable).
 */
export class DeploymentPauses1764275000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table deployment_pauses (
        deployment_id text primary key,
        until timestamptz not null
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table deployment_pauses`);
  }
}
