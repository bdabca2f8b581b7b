import type { ConsumerInfo } from '@interflow/broker';
import { type SqlExecutor } from '@interflow/core';
import os from 'node:os';

/** A consumer as operators see it: who listens on which queue, and since when. */
interface ConsumerRow {
  id: string;
  queue: string;
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  prefetch: number;
  started_at: Date;
  heartbeat_at: Date;
}

export async function registerConsumer(
  sql: SqlExecutor,
  consumer: { id: string; queue: string; name: string; concurrency: number; prefetch: number },
): Promise<void> {
  await sql`
    insert into mq_consumers (id, queue, name, host, pid, concurrency, prefetch)
    values (${consumer.id}, ${consumer.queue}, ${consumer.name}, ${os.hostname()}, ${process.pid}, ${consumer.concurrency}, ${consumer.prefetch})
    on conflict (id) do update set heartbeat_at = now()`;
}

/** Marks the consumers alive; re-registers any that housekeeping pruned while the database was away. */
export async function heartbeatConsumers(
  sql: SqlExecutor,
  consumers: { id: string; queue: string; name: string; concurrency: number; prefetch: number }[],
): Promise<void> {
  if (consumers.length === 0) return;
  await sql`
    insert into mq_consumers (id, queue, name, host, pid, concurrency, prefetch)
    select id, queue, name, ${os.hostname()}, ${process.pid}, concurrency, prefetch
    from unnest(${consumers.map((c) => c.id)}::text[], ${consumers.map((c) => c.queue)}::text[], ${consumers.map((c) => c.name)}::text[],
      ${consumers.map((c) => c.concurrency)}::int[], ${consumers.map((c) => c.prefetch)}::int[]) as t(id, queue, name, concurrency, prefetch)
    order by id
    on conflict (id) do update set heartbeat_at = now()`;
}

export async function deregisterConsumer(sql: SqlExecutor, id: string): Promise<void> {
  await sql`delete from mq_consumers where id = ${id}`;
}

/** Registered consumers, of one queue or all, newest heartbeat first. */
export async function listConsumers(sql: SqlExecutor, filter: { queue?: string } = {}): Promise<ConsumerInfo[]> {
  const rows = await sql<ConsumerRow[]>`
    select id, queue, name, host, pid, concurrency, prefetch, started_at, heartbeat_at from mq_consumers
    where (${filter.queue ?? null}::text is null or queue = ${filter.queue ?? null})
    order by queue, heartbeat_at desc, id`;
  return rows.map((row) => ({
    id: row.id,
    queue: row.queue,
    name: row.name,
    host: row.host,
    pid: row.pid,
    concurrency: row.concurrency,
    prefetch: row.prefetch,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
  }));
}
