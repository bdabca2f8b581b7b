import crypto from 'node:crypto';
import { type Sql, jsonParam, keysetPage, type KeysetPage, type KeysetRequest, NotFoundError, ValidationError } from '@interflow/core';
import {
  deadLetterQueueOf,
  ITEM_EVENTS_EXCHANGE,
  itemEventRoutingKey,
  subscriptionQueueName,
  type BindingDeclaration,
  type Broker,
  type HeadersMatch,
  type MessageHeaders,
} from '@interflow/broker';
import type { ItemChangeKind } from '../integrations/item-changes';

/**
 * An action subscription: a binding that targets an action. Each subscription owns a
 * queue (`interflow.subscription.<id>`, with a `.dead` dead-letter queue) bound to the
 * given exchange; the runner consumes every subscription queue and starts a run of the
 * action for each message, its payload as input (a finished run's result passes on its
 * response). That is how one action's result, published to its result route, triggers
 * another. A queue of its own per subscription keeps each subscriber's backlog, retries
 * and dead letters apart, exactly like a RabbitMQ consumer queue.
 *
 * A subscription's source is either an exchange of the user's topology, or the item
 * events of a poller action (`interflow.items`, system topology no token binds to): then
 * Interflow binds the queue itself, one binding per event kind, to that poller's routing
 * keys only. Who may subscribe to which poller is the api's check (read access to the
 * poller's deployment).
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
  /** Set when the messages are a poller's item events. */
  itemSource: ItemEventSource | null;
  createdAt: Date;
}

export interface ItemEventSource {
  pollerActionId: string;
  events: ItemChangeKind[];
}

export type ActionSubscriptionFields =
  | { actionId: string; exchange: string; bindingKey?: string; headers?: MessageHeaders; headersMatch?: HeadersMatch }
  | { actionId: string; itemSource: ItemEventSource };

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
  binding_ids: string[];
  source_action_id: string | null;
  item_events: ItemChangeKind[] | null;
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
    itemSource: row.source_action_id ? { pollerActionId: row.source_action_id, events: row.item_events ?? [] } : null,
    createdAt: row.created_at,
  };
}

/**
 * Creates the queue, its dead-letter queue and the bindings, then the row. If a step
 * fails, what was made is removed again, so a refused subscription leaves nothing behind.
 * The action (and a source poller) must exist (checked first for a clear error).
 */
export async function createActionSubscription(sql: Sql, broker: Broker, fields: ActionSubscriptionFields): Promise<ActionSubscription> {
  const [action] = await sql`select id from actions where id = ${fields.actionId}`;
  if (!action) throw new NotFoundError('action', fields.actionId);
  const source = 'itemSource' in fields ? fields.itemSource : null;
  const declarations = source ? await itemEventBindings(sql, broker, fields.actionId, source) : [userBinding(fields as UserSource)];
  const id = crypto.randomUUID();
  const queue = subscriptionQueueName(id);
  const deadLetterQueue = deadLetterQueueOf(queue);
  const bindingIds: string[] = [];
  try {
    await broker.declareQueue({ name: deadLetterQueue });
    await broker.declareQueue({ name: queue, policy: { deadLetterQueue } });
    const bindings = [];
    for (const declaration of declarations) {
      const binding = await broker.bind({ ...declaration, queue });
      bindingIds.push(binding.id);
      bindings.push(binding);
    }
    const [first] = bindings;
    if (!first) throw new Error('a subscription without a binding');
    const [row] = await sql<SubscriptionRow[]>`
      insert into action_subscriptions (id, action_id, queue, exchange, binding_key, headers, headers_match, binding_id, binding_ids,
                                        source_action_id, item_events)
      values (${id}, ${fields.actionId}, ${queue}, ${first.exchange}, ${first.bindingKey}, ${jsonParam(sql, first.headers)},
              ${first.headersMatch}, ${first.id}, ${bindingIds}::text[], ${source?.pollerActionId ?? null}, ${source ? source.events : null}::text[])
      returning *`;
    if (!row) throw new Error('insert into action_subscriptions returned no row');
    return present(row);
  } catch (error) {
    for (const bindingId of bindingIds) await broker.unbind(bindingId).catch(() => undefined);
    await broker.deleteQueue(queue).catch(() => undefined);
    await broker.deleteQueue(deadLetterQueue).catch(() => undefined);
    throw error;
  }
}

type UserSource = Extract<ActionSubscriptionFields, { exchange: string }>;

function userBinding(fields: UserSource): Omit<BindingDeclaration, 'queue'> {
  return { exchange: fields.exchange, bindingKey: fields.bindingKey ?? '', headers: fields.headers ?? {}, headersMatch: fields.headersMatch ?? 'all' };
}

/** One binding per event kind, to the poller's own routing keys (the exchange declared if no runner has yet). */
async function itemEventBindings(sql: Sql, broker: Broker, actionId: string, source: ItemEventSource): Promise<Omit<BindingDeclaration, 'queue'>[]> {
  const [poller] = await sql<{ poller: unknown }[]>`select poller from actions where id = ${source.pollerActionId}`;
  if (!poller) throw new NotFoundError('action', source.pollerActionId);
  if (!poller.poller) {
    throw new ValidationError('the source action is not a poller', [{ field: 'source.action_id', message: 'not a poller: mark it with `poller` first' }]);
  }
  if (source.pollerActionId === actionId) {
    throw new ValidationError('an action cannot react to its own item events', [{ field: 'source.action_id', message: 'must be another action' }]);
  }
  await broker.declareExchange({ name: ITEM_EVENTS_EXCHANGE, type: 'topic' });
  return [...new Set(source.events)].map((kind) => ({ exchange: ITEM_EVENTS_EXCHANGE, bindingKey: itemEventRoutingKey(source.pollerActionId, kind) }));
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
  for (const bindingId of row.binding_ids.length > 0 ? row.binding_ids : [row.binding_id]) {
    await broker.unbind(bindingId).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  }
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
