import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the RabbitMQ broker (`@interflow/broker-rabbitmq`) keeps in PostgreSQL, because
 * AMQP cannot answer it or cannot do it atomically: the topology with the contract's
 * queue policies and binding ids (AMQP can neither list nor describe), the delay queues
 * made per target and delay, live dedupe keys, intentional returns (so a redelivery a
 * peek or a stop caused is not counted as a lost lease), the consumer registry with
 * in-flight counts, publish/ack rate buckets, and the transactional outbox that
 * `publishWithin` writes and a relay publishes. Only that package names these tables.
 */
export class RabbitmqBroker1764277000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table rabbitmq_exchanges (
        name text primary key,
        type text not null check (type in ('direct', 'fanout', 'topic', 'headers')),
        alternate_exchange text,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table rabbitmq_queues (
        name text primary key,
        policy jsonb not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table rabbitmq_bindings (
        id bigint generated always as identity primary key,
        exchange text not null references rabbitmq_exchanges (name) on delete cascade,
        queue text not null references rabbitmq_queues (name) on delete cascade,
        binding_key text not null,
        headers jsonb not null,
        headers_match text not null check (headers_match in ('all', 'any')),
        unique (exchange, queue, binding_key, headers, headers_match)
      )`);
    await queryRunner.query(`create index rabbitmq_bindings_queue on rabbitmq_bindings (queue)`);
    // Bumped after every committed topology change: publishers reload their routing cache when it moved.
    await queryRunner.query(`create sequence rabbitmq_topology_version`);
    await queryRunner.query(`
      create table rabbitmq_delay_queues (
        queue text not null,
        delay_ms integer not null,
        primary key (queue, delay_ms)
      )`);
    await queryRunner.query(`
      create table rabbitmq_dedupe_keys (
        queue text not null,
        dedupe_key text not null,
        message_id text not null,
        created_at timestamptz not null default now(),
        primary key (queue, dedupe_key)
      )`);
    await queryRunner.query(`
      create table rabbitmq_returns (
        message_id text not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index rabbitmq_returns_message on rabbitmq_returns (message_id)`);
    await queryRunner.query(`
      create table rabbitmq_consumers (
        id text primary key,
        queue text not null,
        name text not null,
        host text not null,
        pid integer not null,
        concurrency integer not null,
        prefetch integer not null,
        in_flight integer not null default 0,
        started_at timestamptz not null default now(),
        heartbeat_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index rabbitmq_consumers_queue on rabbitmq_consumers (queue)`);
    await queryRunner.query(`
      create table rabbitmq_rate_buckets (
        queue text not null,
        bucket_start timestamptz not null,
        published bigint not null default 0,
        acked bigint not null default 0,
        primary key (queue, bucket_start)
      )`);
    await queryRunner.query(`
      create table rabbitmq_outbox (
        id bigint generated always as identity primary key,
        queue text not null,
        envelope jsonb not null,
        created_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rabbitmq_outbox', 'rabbitmq_rate_buckets', 'rabbitmq_consumers', 'rabbitmq_returns', 'rabbitmq_dedupe_keys', 'rabbitmq_delay_queues', 'rabbitmq_bindings', 'rabbitmq_queues', 'rabbitmq_exchanges']) {
      await queryRunner.query(`drop table if exists ${table}`);
    }
    await queryRunner.query(`drop sequence if exists rabbitmq_topology_version`);
  }
}
