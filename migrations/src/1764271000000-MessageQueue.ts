import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message queue: exchanges, queues, bindings, the message table, consumers and the
 * publish/ack rate buckets. Design notes (README "Message queue"):
 * - `mq_messages` holds only live messages (ready, delayed, leased, dead-lettered);
 *   an ack deletes the row, so the claim index stays small after millions of messages.
 * - The claim order (priority, then id = age) is served by a partial index over unleased
 *   rows; leased rows leave it, and a second partial index finds lapsed leases.
 * - `mq_binding_matches` is an inlinable SQL function so routing for a whole batch is one
 *   statement (the publish transaction routes and stores atomically).
 * - Durable, logged tables: a committed publish survives a crash.
 */
export class MessageQueue1764271000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table mq_exchanges (
        name text primary key check (name <> ''),
        type text not null check (type in ('direct', 'fanout', 'topic', 'headers')),
        alternate_exchange text references mq_exchanges (name) on delete set null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table mq_queues (
        name text primary key check (name <> ''),
        message_ttl_ms bigint check (message_ttl_ms > 0),
        max_attempts integer not null check (max_attempts > 0),
        backoff_initial_ms integer not null check (backoff_initial_ms >= 0),
        backoff_multiplier double precision not null check (backoff_multiplier >= 1),
        backoff_max_ms integer not null check (backoff_max_ms >= 0),
        backoff_jitter double precision not null check (backoff_jitter between 0 and 1),
        dead_letter_queue text references mq_queues (name) on delete set null,
        max_length integer check (max_length > 0),
        overflow text not null check (overflow in ('reject_publish', 'dead_letter_oldest')),
        ack_deadline_ms integer not null check (ack_deadline_ms > 0),
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table mq_bindings (
        id bigint generated always as identity primary key,
        exchange text not null references mq_exchanges (name) on delete cascade,
        queue text not null references mq_queues (name) on delete cascade,
        binding_key text not null default '',
        key_pattern text not null default '',
        headers jsonb not null default '{}',
        headers_match text not null default 'all' check (headers_match in ('all', 'any')),
        unique (exchange, queue, binding_key, headers, headers_match)
      )`);
    await queryRunner.query(`create index mq_bindings_queue on mq_bindings (queue)`);
    await queryRunner.query(`
      create function mq_binding_matches(
        exchange_type text, binding_key text, key_pattern text, binding_headers jsonb,
        headers_match text, routing_key text, message_headers jsonb
      ) returns boolean language sql immutable as $$
        select case exchange_type
          when 'fanout' then true
          when 'direct' then binding_key = routing_key
          when 'topic' then routing_key ~ key_pattern
          when 'headers' then case headers_match
            when 'all' then message_headers @> binding_headers
            else exists (select 1 from jsonb_each(binding_headers) h where message_headers -> h.key = h.value)
          end
          else false
        end
      $$`);
    await queryRunner.query(`create sequence mq_message_ids as bigint`);
    await queryRunner.query(`
      create table mq_messages (
        id bigint primary key default nextval('mq_message_ids'),
        queue text not null,
        payload jsonb not null,
        headers jsonb not null default '{}',
        priority smallint not null default 3 check (priority between 1 and 5),
        visible_at timestamptz not null default now(),
        expires_at timestamptz,
        ack_deadline_ms integer check (ack_deadline_ms > 0),
        reply_to text,
        correlation_id text,
        dedupe_key text,
        sender text,
        published_at timestamptz not null default now(),
        attempts integer not null default 0,
        lease_token uuid,
        lease_expires_at timestamptz,
        consumer_id text,
        dead_from text,
        deaths jsonb not null default '[]'
      ) with (fillfactor = 90)`);
    await queryRunner.query(`alter sequence mq_message_ids owned by mq_messages.id`);
    await queryRunner.query(`create index mq_messages_claim_order on mq_messages (queue, priority desc, id) where lease_token is null`);
    await queryRunner.query(`create index mq_messages_leases on mq_messages (queue, lease_expires_at) where lease_token is not null`);
    await queryRunner.query(`create index mq_messages_expiry on mq_messages (expires_at) where expires_at is not null`);
    await queryRunner.query(`create index mq_messages_dead_from on mq_messages (queue, dead_from) where dead_from is not null`);
    await queryRunner.query(`create unique index mq_messages_dedupe on mq_messages (queue, dedupe_key) where dedupe_key is not null`);
    await queryRunner.query(`
      create table mq_consumers (
        id text primary key,
        queue text not null,
        name text not null,
        host text not null,
        pid integer not null,
        concurrency integer not null,
        prefetch integer not null,
        started_at timestamptz not null default now(),
        heartbeat_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index mq_consumers_queue on mq_consumers (queue)`);
    await queryRunner.query(`
      create table mq_rate_buckets (
        queue text not null,
        bucket_start timestamptz not null,
        published bigint not null default 0,
        acked bigint not null default 0,
        primary key (queue, bucket_start)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table mq_rate_buckets`);
    await queryRunner.query(`drop table mq_consumers`);
    await queryRunner.query(`drop table mq_messages`);
    await queryRunner.query(`drop function mq_binding_matches(text, text, text, jsonb, text, text, jsonb)`);
    await queryRunner.query(`drop table mq_bindings`);
    await queryRunner.query(`drop table mq_queues`);
    await queryRunner.query(`drop table mq_exchanges`);
  }
}
