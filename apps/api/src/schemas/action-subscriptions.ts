import { z } from 'zod';
import { isSystemName, RESERVED_NAME_MESSAGE } from '@interflow/broker';
import { type ActionSubscription } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

const headerValue = z.union([z.string(), z.number(), z.boolean()]);

const itemEventName = z.enum(['item.created', 'item.changed', 'item.deleted']);

/** A poller's item events as a subscription's source: Interflow binds the queue for the caller. */
const itemsSource = z
  .strictObject({
    type: z.literal('items'),
    action_id: z.uuid({ message: 'expected a uuid' }).describe('the poller action, on a deployment this token may read'),
    events: z.array(itemEventName).min(1).default(['item.created', 'item.changed', 'item.deleted']).describe('which of its item events start runs'),
  })
  .describe("a poller's item events (docs/pollers.md); instead of exchange");

export const createSubscriptionBody = z
  .strictObject({
    exchange: z
      .string()
      .min(1)
      .max(200)
      .refine((name) => !isSystemName(name), { message: RESERVED_NAME_MESSAGE })
      .optional()
      .describe('the exchange whose messages start runs of the action (or give source)'),
    binding_key: z.string().max(255).optional().describe("direct: the routing key; topic: a pattern with * and #; unused otherwise (default '')"),
    headers: z.record(z.string(), headerValue).optional().describe('headers exchanges: the headers to match'),
    headers_match: z.enum(['all', 'any']).optional().describe("default 'all'"),
    source: itemsSource.optional(),
  })
  .superRefine((body, context) => {
    if (body.source === undefined && body.exchange === undefined) {
      context.addIssue({ code: 'custom', path: ['exchange'], message: 'give an exchange, or a source' });
    }
    if (body.source !== undefined) {
      for (const field of ['exchange', 'binding_key', 'headers', 'headers_match'] as const) {
        if (body[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: 'not with a source: Interflow binds to the poller itself' });
      }
    }
  });

export const subscriptionParams = z.object({
  id: z.uuid({ message: 'expected a uuid' }),
  subscriptionId: z.uuid({ message: 'expected a uuid' }),
});

export const listSubscriptionsQuery = z.strictObject({ ...pageQueryShape });

export const subscriptionJson = z.object({
  id: z.uuid(),
  action_id: z.uuid(),
  queue: z.string().describe('the queue of this subscription; its dead letters go to `<queue>.dead`'),
  exchange: z.string(),
  binding_key: z.string(),
  headers: z.record(z.string(), headerValue),
  headers_match: z.enum(['all', 'any']),
  binding_id: z.string(),
  source: z
    .object({ type: z.literal('items'), action_id: z.uuid(), events: z.array(itemEventName) })
    .nullable()
    .describe("null: the exchange above; otherwise a poller's item events, bound to it by Interflow"),
  created_at: z.string(),
});

export function subscriptionToJson(subscription: ActionSubscription): z.infer<typeof subscriptionJson> {
  return {
    id: subscription.id,
    action_id: subscription.actionId,
    queue: subscription.queue,
    exchange: subscription.exchange,
    binding_key: subscription.bindingKey,
    headers: subscription.headers,
    headers_match: subscription.headersMatch,
    binding_id: subscription.bindingId,
    source: subscription.itemSource
      ? { type: 'items', action_id: subscription.itemSource.pollerActionId, events: subscription.itemSource.events.map((kind) => `item.${kind}` as const) }
      : null,
    created_at: subscription.createdAt.toISOString(),
  };
}
