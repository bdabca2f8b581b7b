import { NotFoundError, type SqlExecutor } from '@interflow/core';
import {
  type Binding,
  type BindingDeclaration,
  type ExchangeType,
  type HeadersMatch,
  type MessageHeaders,
  checkBindingId,
  checkBindingNames,
  normalizeBinding,
} from '@interflow/broker';

interface BindingRow {
  id: string;
  exchange: string;
  queue: string;
  binding_key: string;
  headers: MessageHeaders;
  headers_match: HeadersMatch;
}

function toBinding(row: BindingRow): Binding {
  return {
    id: row.id,
    exchange: row.exchange,
    queue: row.queue,
    bindingKey: row.binding_key,
    headers: row.headers,
    headersMatch: row.headers_match,
  };
}

/** Binds a queue to an exchange; binding the same thing twice returns the first binding. */
export async function bind(sql: SqlExecutor, declaration: BindingDeclaration): Promise<Binding> {
  checkBindingNames(declaration);
  const [exchange] = await sql<{ type: ExchangeType }[]>`select type from mq_exchanges where name = ${declaration.exchange}`;
  if (!exchange) throw new NotFoundError('exchange', declaration.exchange);
  const [queue] = await sql`select 1 from mq_queues where name = ${declaration.queue}`;
  if (!queue) throw new NotFoundError('queue', declaration.queue);
  const binding = normalizeBinding(declaration, exchange.type);
  const headers = sql.json(binding.headers);
  const [row] = await sql<BindingRow[]>`
    with inserted as (
      insert into mq_bindings (exchange, queue, binding_key, key_pattern, headers, headers_match)
      values (${binding.exchange}, ${binding.queue}, ${binding.bindingKey}, ${binding.keyPattern}, ${headers}, ${binding.headersMatch})
      on conflict (exchange, queue, binding_key, headers, headers_match) do nothing
      returning id, exchange, queue, binding_key, headers, headers_match
    )
    select * from inserted
    union all
    select id, exchange, queue, binding_key, headers, headers_match from mq_bindings
    where exchange = ${binding.exchange} and queue = ${binding.queue} and binding_key = ${binding.bindingKey}
      and headers = ${headers} and headers_match = ${binding.headersMatch}
    limit 1`;
  if (!row) throw new Error('binding was neither inserted nor found');
  return toBinding(row);
}

export async function unbind(sql: SqlExecutor, bindingId: string): Promise<void> {
  checkBindingId(bindingId);
  const deleted = await sql`delete from mq_bindings where id = ${bindingId} returning id`;
  if (deleted.length === 0) throw new NotFoundError('binding', bindingId);
}

export async function listBindings(sql: SqlExecutor, filter: { exchange?: string; queue?: string } = {}): Promise<Binding[]> {
  const rows = await sql<BindingRow[]>`
    select id, exchange, queue, binding_key, headers, headers_match from mq_bindings
    where (${filter.exchange ?? null}::text is null or exchange = ${filter.exchange ?? null})
      and (${filter.queue ?? null}::text is null or queue = ${filter.queue ?? null})
    order by id`;
  return rows.map(toBinding);
}
