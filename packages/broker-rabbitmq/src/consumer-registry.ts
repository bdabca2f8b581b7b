import os from 'node:os';
import { type Sql } from '@interflow/core';

/** A consumer as operators see it (the same shape as the PostgreSQL broker's registry). */
export interface RegisteredConsumer {
  id: string;
  queue: string;
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  prefetch: number;
  startedAt: Date;
  heartbeatAt: Date;
}

export interface ConsumerHeartbeat {
  id: string;
  queue: string;
  name: string;
  concurrency: number;
  prefetch: number;
  /** Deliveries it holds (handlers running and prefetched): what RabbitMQ calls unacknowledged. */
  inFlight: number;
}

/** A registration older than this is a dead process's. */
export const CONSUMER_STALE_SECONDS = 30;

/** Registers or refreshes consumers with their in-flight counts. */
export async function heartbeatConsumers(sql: Sql, consumers: ConsumerHeartbeat[]): Promise<void> {
  if (consumers.length === 0) return;
  await sql`
    insert into rabbitmq_consumers (id, queue, name, host, pid, concurrency, prefetch, in_flight)
    select id, queue, name, ${os.hostname()}, ${process.pid}, concurrency, prefetch, in_flight
    from unnest(${consumers.map((c) => c.id)}::text[], ${consumers.map((c) => c.queue)}::text[], ${consumers.map((c) => c.name)}::text[],
      ${consumers.map((c) => c.concurrency)}::int[], ${consumers.map((c) => c.prefetch)}::int[], ${consumers.map((c) => c.inFlight)}::int[])
      as t(id, queue, name, concurrency, prefetch, in_flight)
    order by id
    on conflict (id) do update set heartbeat_at = now(), in_flight = excluded.in_flight`;
}

export async function deregisterConsumer(sql: Sql, id: string): Promise<void> {
  await sql`delete from rabbitmq_consumers where id = ${id}`;
}

/** Live consumers (heartbeat within the last 30 s), of one queue or all. */
export async function listConsumers(sql: Sql, filter: { queue?: string } = {}): Promise<RegisteredConsumer[]> {
  const rows = await sql<{ id: string; queue: string; name: string; host: string; pid: number; concurrency: number; prefetch: number; started_at: Date; heartbeat_at: Date }[]>`
    select id, queue, name, host, pid, concurrency, prefetch, started_at, heartbeat_at from rabbitmq_consumers
    where (${filter.queue ?? null}::text is null or queue = ${filter.queue ?? null})
      and heartbeat_at > now() - ${CONSUMER_STALE_SECONDS} * interval '1 second'
    order by queue, heartbeat_at desc, id`;
  return rows.map((row) => ({
    id: row.id, queue: row.queue, name: row.name, host: row.host, pid: row.pid, concurrency: row.concurrency, prefetch: row.prefetch,
    startedAt: row.started_at, heartbeatAt: row.heartbeat_at,
  }));
}

/** Deliveries held by consumers of other processes (per their last heartbeat). */
export async function remoteInFlight(sql: Sql, queue: string, localIds: string[]): Promise<number> {
  const [row] = await sql<{ in_flight: number }[]>`
    select coalesce(sum(in_flight), 0)::int as in_flight from rabbitmq_consumers
    where queue = ${queue} and id <> all(${localIds}::text[]) and heartbeat_at > now() - ${CONSUMER_STALE_SECONDS} * interval '1 second'`;
  return row?.in_flight ?? 0;
}
