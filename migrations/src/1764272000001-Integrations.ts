import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integration registry: services (connectors and their methods), deployments (a
 * configured use of a service, credentials sealed with AES-256-GCM: key id beside the
 * iv‖tag‖ciphertext), actions, runs with one row per attempt, the response cache and
 * per-action states. `seq` identity columns give lists a tie-free keyset order.
 */
export class Integrations1764272000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table services (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null unique,
        description text,
        base_url text not null,
        methods jsonb not null default '[]',
        signing_key_id text not null,
        signing_secret bytea not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table deployments (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null unique,
        description text,
        service_id uuid not null references services (id) on delete restrict,
        connection jsonb not null default '{}',
        credentials_key_id text not null,
        credentials_sealed bytea not null,
        credential_names text[] not null default '{}',
        rate_limit jsonb,
        max_concurrency integer check (max_concurrency > 0),
        access_rules jsonb not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index deployments_service on deployments (service_id)`);
    await queryRunner.query(`
      create table actions (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null unique,
        description text,
        deployment_id uuid not null references deployments (id) on delete restrict,
        method text not null,
        default_input jsonb not null default '{}',
        timeout_ms integer not null check (timeout_ms > 0),
        retry_policy jsonb not null,
        cache_ttl_ms integer check (cache_ttl_ms > 0),
        result_exchange text,
        result_routing_key text,
        queue text not null,
        webhook_hash bytea unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index actions_deployment on actions (deployment_id)`);
    await queryRunner.query(`
      create table runs (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        action_id uuid not null references actions (id) on delete cascade,
        deployment_id uuid not null,
        status text not null check (status in ('queued', 'running', 'retrying', 'succeeded', 'failed')),
        trigger text not null,
        triggered_by text,
        input jsonb not null,
        input_hash text not null,
        idempotency_key text,
        message_id text unique,
        from_cache boolean not null default false,
        attempts integer not null default 0,
        response jsonb,
        error jsonb,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        unique (action_id, idempotency_key)
      )`);
    await queryRunner.query(`create index runs_action on runs (action_id, seq)`);
    await queryRunner.query(`create index runs_deployment on runs (deployment_id, seq)`);
    await queryRunner.query(`create index runs_status on runs (status, seq)`);
    await queryRunner.query(`
      create table run_attempts (
        run_id uuid not null references runs (id) on delete cascade,
        attempt integer not null check (attempt > 0),
        started_at timestamptz not null,
        finished_at timestamptz,
        duration_ms integer,
        http_status integer,
        outcome text check (outcome in ('succeeded', 'failed', 'retrying', 'rate_limited')),
        error jsonb,
        response jsonb,
        primary key (run_id, attempt)
      )`);
    await queryRunner.query(`
      create table response_cache (
        action_id uuid not null references actions (id) on delete cascade,
        input_hash text not null,
        response jsonb not null,
        run_id uuid,
        stored_at timestamptz not null default now(),
        expires_at timestamptz not null,
        primary key (action_id, input_hash)
      )`);
    await queryRunner.query(`
      create table action_states (
        action_id uuid not null references actions (id) on delete cascade,
        seq bigint generated always as identity unique,
        fid text,
        nonce text,
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        changed_at timestamptz not null default now(),
        check (fid is not null or nonce is not null)
      )`);
    await queryRunner.query(`create unique index action_states_fid on action_states (action_id, fid) where fid is not null`);
    await queryRunner.query(
      `create unique index action_states_nonce on action_states (action_id, nonce) where fid is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['action_states', 'response_cache', 'run_attempts', 'runs', 'actions', 'deployments', 'services']) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
