import {
  checkBindingId,
  checkBindingNames,
  checkExchangeDeclaration,
  exchangeTypeConflict,
  normalizeBinding,
  queuePolicyOf,
  type Binding,
  type BindingDeclaration,
  type Exchange,
  type ExchangeDeclaration,
  type ExchangeType,
  type HeadersMatch,
  type MessageHeaders,
  type Queue,
  type QueueDeclaration,
  type QueuePolicy,
} from '@interflow/broker';
import { ConflictError, NotFoundError, type Sql } from '@interflow/core';

/**
 * The topology record in PostgreSQL: the contract's queue policies (retry backoff, max
 * attempts, ack deadline: nothing RabbitMQ knows) and binding ids. AMQP can declare but
 * neither list nor describe, so this record answers `list*`/`get*` and feeds the
 * publishers' routing; RabbitMQ holds the same exchanges, queues and bindings.
 */

interface ExchangeRow {
  name: string;
  type: ExchangeType;
  alternate_exchange: string | null;
  created_at: Date;
}

interface BindingRow {
  id: string;
  exchange: string;
  queue: string;
  binding_key: string;
  headers: MessageHeaders;
  headers_match: HeadersMatch;
}

const toExchange = (row: ExchangeRow): Exchange => ({ name: row.name, type: row.type, alternateExchange: row.alternate_exchange, createdAt: row.created_at });
const toBinding = (row: BindingRow): Binding => ({
  id: String(row.id), exchange: row.exchange, queue: row.queue, bindingKey: row.binding_key, headers: row.headers, headersMatch: row.headers_match,
});

/** Marks the topology changed (after the change committed): publishers reload their routing. */
export async function bumpTopologyVersion(sql: Sql): Promise<void> {
  await sql`select nextval('rabbitmq_topology_version')`;
}

export async function topologyVersion(sql: Sql): Promise<string> {
  const [row] = await sql<{ version: string }[]>`select last_value::text || ':' || is_called::text as version from rabbitmq_topology_version`;
  return row?.version ?? '0';
}

/** Validates; throws ConflictError for a different type of an existing exchange, NotFoundError for a missing alternate. */
export async function recordExchange(sql: Sql, declaration: ExchangeDeclaration): Promise<Exchange> {
  const alternate = checkExchangeDeclaration(declaration);
  if (alternate !== null) {
    const [found] = await sql`select 1 from rabbitmq_exchanges where name = ${alternate}`;
    if (!found) throw new NotFoundError('exchange', alternate);
  }
  const [row] = await sql<ExchangeRow[]>`
    insert into rabbitmq_exchanges (name, type, alternate_exchange) values (${declaration.name}, ${declaration.type}, ${alternate})
    on conflict (name) do update set alternate_exchange = excluded.alternate_exchange
      where rabbitmq_exchanges.type = excluded.type
    returning name, type, alternate_exchange, created_at`;
  if (!row) {
    const existing = await getExchange(sql, declaration.name);
    throw exchangeTypeConflict(declaration.name, existing?.type, declaration.type);
  }
  return toExchange(row);
}

export async function getExchange(sql: Sql, name: string): Promise<Exchange | null> {
  const [row] = await sql<ExchangeRow[]>`select name, type, alternate_exchange, created_at from rabbitmq_exchanges where name = ${name}`;
  return row ? toExchange(row) : null;
}

export async function listExchanges(sql: Sql): Promise<Exchange[]> {
  return (await sql<ExchangeRow[]>`select name, type, alternate_exchange, created_at from rabbitmq_exchanges order by name`).map(toExchange);
}

/** Deletes the record (bindings go with it); exchanges that used it as alternate lose it. Returns those exchanges. */
export async function forgetExchange(sql: Sql, name: string): Promise<Exchange[]> {
  return sql.begin(async (tx) => {
    const deleted = await tx`delete from rabbitmq_exchanges where name = ${name} returning name`;
    if (deleted.length === 0) throw new NotFoundError('exchange', name);
    return (await tx<ExchangeRow[]>`
      update rabbitmq_exchanges set alternate_exchange = null where alternate_exchange = ${name}
      returning name, type, alternate_exchange, created_at`).map(toExchange);
  });
}

/**
 * Creates the queue's record, or changes the policy fields the declaration names.
 * RabbitMQ fixes a queue's max length and overflow rule when it is created, so changing
 * them on an existing queue is a ConflictError (delete and declare it again).
 */
export async function recordQueue(sql: Sql, declaration: QueueDeclaration): Promise<{ queue: Queue; created: boolean; previous: QueuePolicy | null }> {
  const existing = await getQueue(sql, declaration.name);
  const policy = queuePolicyOf(declaration, existing?.policy ?? null);
  if (policy.deadLetterQueue !== null) {
    const [found] = await sql`select 1 from rabbitmq_queues where name = ${policy.deadLetterQueue}`;
    if (!found) throw new NotFoundError('queue', policy.deadLetterQueue);
  }
  if (existing && (existing.policy.maxLength !== policy.maxLength || existing.policy.overflow !== policy.overflow)) {
    throw new ConflictError(`queue '${declaration.name}': on RabbitMQ, maxLength and overflow are fixed when the queue is created (delete and declare it again to change them)`, {
      name: declaration.name,
      maxLength: existing.policy.maxLength,
      overflow: existing.policy.overflow,
    });
  }
  const [row] = await sql<{ name: string; policy: QueuePolicy; created_at: Date; inserted: boolean }[]>`
    insert into rabbitmq_queues (name, policy) values (${declaration.name}, ${sql.json(policy as never)})
    on conflict (name) do update set policy = excluded.policy
    returning name, policy, created_at, (xmax = 0) as inserted`;
  if (!row) throw new Error(`declaring queue '${declaration.name}' returned no row`);
  return { queue: { name: row.name, policy: row.policy, createdAt: row.created_at }, created: row.inserted, previous: existing?.policy ?? null };
}

export async function getQueue(sql: Sql, name: string): Promise<Queue | null> {
  const [row] = await sql<{ name: string; policy: QueuePolicy; created_at: Date }[]>`select name, policy, created_at from rabbitmq_queues where name = ${name}`;
  return row ? { name: row.name, policy: row.policy, createdAt: row.created_at } : null;
}

export async function listQueues(sql: Sql): Promise<Queue[]> {
  const rows = await sql<{ name: string; policy: QueuePolicy; created_at: Date }[]>`select name, policy, created_at from rabbitmq_queues order by name`;
  return rows.map((row) => ({ name: row.name, policy: row.policy, createdAt: row.created_at }));
}

/**
 * Deletes the queue's record with its bindings, delay queues and dedupe keys. Queues
 * that dead-lettered into it lose their dead-letter queue. Returns the delay queues
 * (delays) to delete on RabbitMQ and the queues whose dead-letter queue was cleared.
 */
export async function forgetQueue(sql: Sql, name: string): Promise<{ delays: number[]; orphaned: string[] }> {
  return sql.begin(async (tx) => {
    const deleted = await tx`delete from rabbitmq_queues where name = ${name} returning name`;
    if (deleted.length === 0) throw new NotFoundError('queue', name);
    const delays = await tx<{ delay_ms: number }[]>`delete from rabbitmq_delay_queues where queue = ${name} returning delay_ms`;
    await tx`delete from rabbitmq_dedupe_keys where queue = ${name}`;
    const orphaned = await tx<{ name: string }[]>`
      update rabbitmq_queues set policy = jsonb_set(policy, '{deadLetterQueue}', 'null'::jsonb)
      where policy->>'deadLetterQueue' = ${name} returning name`;
    return { delays: delays.map((row) => row.delay_ms), orphaned: orphaned.map((row) => row.name) };
  });
}

export async function recordBinding(sql: Sql, declaration: BindingDeclaration): Promise<{ binding: Binding; type: ExchangeType }> {
  checkBindingNames(declaration);
  const [exchange] = await sql<{ type: ExchangeType }[]>`select type from rabbitmq_exchanges where name = ${declaration.exchange}`;
  if (!exchange) throw new NotFoundError('exchange', declaration.exchange);
  const [queue] = await sql`select 1 from rabbitmq_queues where name = ${declaration.queue}`;
  if (!queue) throw new NotFoundError('queue', declaration.queue);
  const binding = normalizeBinding(declaration, exchange.type);
  const headers = sql.json(binding.headers as never);
  const [row] = await sql<BindingRow[]>`
    with inserted as (
      insert into rabbitmq_bindings (exchange, queue, binding_key, headers, headers_match)
      values (${binding.exchange}, ${binding.queue}, ${binding.bindingKey}, ${headers}, ${binding.headersMatch})
      on conflict (exchange, queue, binding_key, headers, headers_match) do nothing
      returning id, exchange, queue, binding_key, headers, headers_match
    )
    select * from inserted
    union all
    select id, exchange, queue, binding_key, headers, headers_match from rabbitmq_bindings
    where exchange = ${binding.exchange} and queue = ${binding.queue} and binding_key = ${binding.bindingKey}
      and headers = ${headers} and headers_match = ${binding.headersMatch}
    limit 1`;
  if (!row) throw new Error('binding was neither inserted nor found');
  return { binding: toBinding(row), type: exchange.type };
}

/** Deletes the binding's record and returns it, so the caller can unbind on RabbitMQ. */
export async function forgetBinding(sql: Sql, bindingId: string): Promise<Binding> {
  checkBindingId(bindingId);
  const [row] = await sql<BindingRow[]>`delete from rabbitmq_bindings where id = ${bindingId} returning id, exchange, queue, binding_key, headers, headers_match`;
  if (!row) throw new NotFoundError('binding', bindingId);
  return toBinding(row);
}

export async function listBindings(sql: Sql, filter: { exchange?: string; queue?: string } = {}): Promise<Binding[]> {
  const rows = await sql<BindingRow[]>`
    select id, exchange, queue, binding_key, headers, headers_match from rabbitmq_bindings
    where (${filter.exchange ?? null}::text is null or exchange = ${filter.exchange ?? null})
      and (${filter.queue ?? null}::text is null or queue = ${filter.queue ?? null})
    order by id`;
  return rows.map(toBinding);
}

export async function recordDelayQueue(sql: Sql, queue: string, delayMs: number): Promise<void> {
  await sql`insert into rabbitmq_delay_queues (queue, delay_ms) values (${queue}, ${delayMs}) on conflict do nothing`;
}

/** Every delay queue made for any queue. */
export async function listDelayQueues(sql: Sql): Promise<{ queue: string; delayMs: number }[]> {
  return (await sql<{ queue: string; delay_ms: number }[]>`select queue, delay_ms from rabbitmq_delay_queues`).map((row) => ({ queue: row.queue, delayMs: row.delay_ms }));
}

export async function delayQueuesOf(sql: Sql, queue: string): Promise<number[]> {
  return (await sql<{ delay_ms: number }[]>`select delay_ms from rabbitmq_delay_queues where queue = ${queue} order by delay_ms`).map((row) => row.delay_ms);
}

export async function forgetDelayQueue(sql: Sql, queue: string, delayMs: number): Promise<void> {
  await sql`delete from rabbitmq_delay_queues where queue = ${queue} and delay_ms = ${delayMs}`;
}
