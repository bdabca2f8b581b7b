import { z } from 'zod';
import { isSystemName, RESERVED_NAME_MESSAGE } from '@interflow/broker';
import { type ActionSubscription } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

const headerValue = z.union([z.string(), z.number(), z.boolean()]);

export const createSubscriptionBody = z.strictObject({
  exchange: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !isSystemName(name), { message: RESERVED_NAME_MESSAGE })
    .describe('the exchange whose messages start runs of the action'),
  binding_key: z.string().max(255).default('').describe('direct: the routing key; topic: a pattern with * and #; unused otherwise'),
  headers: z.record(z.string(), headerValue).default({}).describe('headers exchanges: the headers to match'),
  headers_match: z.enum(['all', 'any']).default('all'),
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
    created_at: subscription.createdAt.toISOString(),
  };
}
