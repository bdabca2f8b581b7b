import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared state of the per-deployment call limits, so every runner enforces one limit
 * together: a token bucket per deployment (rate with burst) and numbered call slots
 * (concurrency). Slots expire so a runner that dies cannot hold one for ever. Keys are
 * deployment ids as text: no foreign key, the rows are disposable and recreated on use.
 */
export class DeploymentCallLimits1764273000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table deployment_rate_buckets (
        deployment_id text primary key,
        tokens double precision not null,
        refilled_at timestamptz not null,
        -- whether the last take found a token: lets one upsert both take and report
        last_take_granted boolean not null
      )`);
    await queryRunner.query(`
      create table deployment_call_slots (
        deployment_id text not null,
        slot integer not null,
        holder_id text not null,
        expires_at timestamptz not null,
        primary key (deployment_id, slot)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table deployment_call_slots`);
    await queryRunner.query(`drop table deployment_rate_buckets`);
  }
}
