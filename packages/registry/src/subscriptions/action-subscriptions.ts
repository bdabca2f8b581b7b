import crypto from 'node:crypto';
import { type Sql, jsonParam, keysetPage, type KeysetPage, type KeysetRequest, NotFoundError } from '@interflow/core';
import { deadLetterQueueOf, subscriptionQueueName, type Broker, type HeadersMatch, type MessageHeaders } from '@interflow/broker';

/**
 * An action subscription: a binding that targets an action. Each subscription owns a
 * queue (`interflow.subscription.<id>`, with a `.dead` dead-letter queue) bound to the
 * given exchange; the runner consumes every subscription queue and starts a run of the
 * action for each message, its payload as input (a finished run's result passes on its
 * response). That is how one action's result, published to its result route, triggers
 * another. A queue of its own per subscription keeps each subscriber's backlog, retries
 * and dead letters apart, exactly like a RabbitMQ consumer queue.
 */
export interface ActionSubscription {
  id: string;
  actionId: string;
  queue: string;
  exchange: string;
  bindingKey: string;
  headers: MessageHeaders;
  headersMatch: HeadersMatch;
  bindingId: string;
  createdAt: Date;
}

export interface ActionSubscriptionFields {
  actionId: string;
  exchange: string;
  bindingKey?: string;
  headers?: MessageHeaders;
  headersMatch?: HeadersMatch;
}

interface SubscriptionRow {
  seq: string;
  id: string;
  action_id: string;
  queue: string;
  exchange: string;
  binding_key: string;
  headers: MessageHeaders;
  headers_match: HeadersMatch;
  binding_id: string;
  created_at: Date;
}

function present(row: SubscriptionRow): ActionSubscription {
  return {
    id: row.id,
    actionId: row.action_id,
    queue: row.queue,
    exchange: row.exchange,
    bindingKey: row.binding_key,
    headers: row.headers,
    headersMatch: row.headers_match,
    bindingId: row.binding_id,
    createdAt: row.created_at,
  };
}

/**
 * Creates the queue, its dead-letter queue and the binding, then the row. If a step
 * fails, what was made is removed again, so a refused subscription leaves nothing behind.
 * The action must exist (the foreign key refuses otherwise; checked first for a clear error).
 */
export async function createActionSubscription(sql: Sql, broker: Broker, fields: ActionSubscriptionFields): Promise<ActionSubscription> {
  const [action] = await sql`select id from actions where id = ${fields.actionId}`;
  if (!action) throw new NotFoundError('action', fields.actionId);
  const id = crypto.randomUUID();
  const queue = subscriptionQueueName(id);
  const deadLetterQueue = deadLetterQueueOf(queue);
  let bindingId: string | null = null;
  try {
    await broker.declareQueue({ name: deadLetterQueue });
    await broker.declareQueue({ name: queue, policy: { deadLetterQueue } });
    const binding = await broker.bind({
      exchange: fields.exchange,
      queue,
      bindingKey: fields.bindingKey ?? '',
      headers: fields.headers ?? {},
      headersMatch: fields.headersMatch ?? 'all',
    });
    bindingId = binding.id;
    const [row] = await sql<SubscriptionRow[]>`
      insert into action_subscriptions (id, action_id, queue, exchange, binding_key, headers, headers_match, binding_id)
      values (${id}, ${fields.actionId}, ${queue}, ${binding.exchange}, ${binding.bindingKey}, ${jsonParam(sql, binding.headers)},
              ${binding.headersMatch}, ${binding.id})
      returning *`;
    if (!row) throw new Error('insert into action_subscriptions returned no row');
    return present(row);
  } catch (error) {
    if (bindingId) await broker.unbind(bindingId).catch(() => undefined);
    await broker.deleteQueue(queue).catch(() => undefined);
    await broker.deleteQueue(deadLetterQueue).catch(() => undefined);
    throw error;
  }
}

export async function getActionSubscription(sql: Sql, id: string): Promise<ActionSubscription> {
  const [row] = await sql<SubscriptionRow[]>`select * from action_subscriptions where id = ${id}`;
  if (!row) throw new NotFoundError('subscription', id);
  return present(row);
}

export async function listActionSubscriptions(sql: Sql, actionId: string, page: KeysetRequest): Promise<KeysetPage<ActionSubscription>> {
  const rows = await sql<SubscriptionRow[]>`
    select * from action_subscriptions
    where action_id = ${actionId} and seq > ${page.after ?? '0'}
    order by seq limit ${page.limit + 1}`;
  return keysetPage(rows, page.limit, present);
}

/**
 * Removes the row first (the runner stops consuming at its next refresh), then the
 * binding and the queue; the dead-letter queue stays so its messages can still be read.
 */
export async function deleteActionSubscription(sql: Sql, broker: Broker, id: string): Promise<ActionSubscription> {
  const [row] = await sql<SubscriptionRow[]>`delete from action_subscriptions where id = ${id} returning *`;
  if (!row) throw new NotFoundError('subscription', id);
  await broker.unbind(row.binding_id).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
  await broker.deleteQueue(row.queue).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
  return present(row);
}

/** What the runner consumes: every subscription queue and the action it starts. */
export async function listSubscriptionTargets(sql: Sql): Promise<{ queue: string; actionId: string }[]> {
  const rows = await sql<{ queue: string; action_id: string }[]>`select queue, action_id from action_subscriptions order by seq`;
  return rows.map((row) => ({ queue: row.queue, actionId: row.action_id }));
}
