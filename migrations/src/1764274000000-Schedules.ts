import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules and their fire keys. A producer claims due schedules with
 * `FOR UPDATE SKIP LOCKED`, and in one transaction inserts one `schedule_fires` row per
 * (schedule, fire time), publishes the fire's message and moves `next_fire_at`: the
 * primary key of `schedule_fires` makes a second publish of the same fire impossible,
 * however many producers run and whenever one of them dies.
 */
export class Schedules1764274000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table schedules (
        id uuid primary key default gen_random_uuid(),
        -- list order and pagination key (keyset on an identity: no ties)
        seq bigint generated always as identity unique,
        name text not null unique,
        description text not null default '',
        enabled boolean not null default true,
        target_type text not null check (target_type in ('action', 'exchange')),
        -- no foreign key yet: the actions table belongs to the registry work
        action_id uuid,
        exchange text,
        routing_key text not null default '',
        headers jsonb not null default '{}',
        -- the action's input, or the message payload for an exchange target
        payload jsonb not null default '{}',
        priority smallint check (priority between 1 and 5),
        rule_type text not null check (rule_type in ('cron', 'interval', 'once')),
        cron_expression text,
        timezone text not null default 'UTC',
        interval_ms bigint check (interval_ms >= 1000),
        run_at timestamptz,
        anchor_at timestamptz not null,
        start_at timestamptz,
        end_at timestamptz,
        jitter_ms integer not null default 0 check (jitter_ms >= 0),
        ttl_ms bigint check (ttl_ms > 0),
        overlap_policy text not null default 'allow' check (overlap_policy in ('allow', 'skip', 'buffer_one')),
        missed_fire_policy text not null default 'skip' check (missed_fire_policy in ('skip', 'run_once', 'backfill')),
        backfill_limit integer not null default 10 check (backfill_limit between 1 and 10000),
        next_fire_at timestamptz,
        last_fired_at timestamptz,
        -- messages of the latest published fire: the overlap policies wait for them
        last_fire_message_ids text[] not null default '{}',
        -- buffer_one: the one fire held back while the previous is unfinished
        buffered_fire_at timestamptz,
        -- a fire that could not be published (target missing, unroutable) stays due and
        -- is retried after retry_at; last_error tells the operator why
        last_error text,
        retry_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((target_type = 'action') = (action_id is not null)),
        check ((target_type = 'exchange') = (exchange is not null)),
        check ((rule_type = 'cron') = (cron_expression is not null)),
        check ((rule_type = 'interval') = (interval_ms is not null)),
        check ((rule_type = 'once') = (run_at is not null))
      )`);
    // what producers scan: enabled schedules by due time, and those holding a buffered fire
    await queryRunner.query(`create index schedules_due on schedules (next_fire_at) where enabled and next_fire_at is not null`);
    await queryRunner.query(`create index schedules_buffered on schedules (id) where enabled and buffered_fire_at is not null`);
    await queryRunner.query(`
      create table schedule_fires (
        schedule_id uuid not null references schedules (id) on delete cascade,
        fire_time timestamptz not null,
        outcome text not null check (outcome in ('published', 'skipped_overlap', 'buffered', 'expired')),
        recorded_at timestamptz not null default now(),
        primary key (schedule_id, fire_time)
      )`);
    await queryRunner.query(`create index schedule_fires_recorded on schedule_fires (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table schedule_fires`);
    await queryRunner.query(`drop table schedules`);
  }
}
