import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action subscriptions: messages routed to a subscription's own queue start runs of its
 * action. The row remembers the binding that feeds the queue so deleting the
 * subscription removes both. Deleting the action deletes its subscriptions.
 */
export class ActionSubscriptions1764273000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table action_subscriptions (
        id uuid primary key,
        seq bigint generated always as identity unique,
        action_id uuid not null references actions (id) on delete cascade,
        queue text not null unique,
        exchange text not null,
        binding_key text not null,
        headers jsonb not null,
        headers_match text not null check (headers_match in ('all', 'any')),
        binding_id text not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index action_subscriptions_action on action_subscriptions (action_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table action_subscriptions`);
  }
}
