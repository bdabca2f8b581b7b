import { z } from 'zod';
import { isActionQueueName, isSystemName, RESERVED_NAME_MESSAGE } from '@interflow/broker';
import { type Action } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

const actionName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, { message: 'expected lower-case letters, digits, _ . - (max 100)' });
/** Broker names: the same alphabet queues and exchanges use. */
const brokerName = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, { message: 'expected letters, digits, _ . : - (max 200)' });

export const retryPolicyJson = z.strictObject({
  max_attempts: z.number().int().min(1).max(100),
  initial_delay_ms: z.number().int().min(0).max(86_400_000),
  multiplier: z.number().min(1).max(10),
  max_delay_ms: z.number().int().min(0).max(86_400_000),
});

/**
 * An action queue: `interflow.actions` or `interflow.actions.<pool>`, never a user queue
 * (whoever may publish to it could reach the action's runs) nor a dead-letter queue.
 */
const actionQueueName = brokerName.refine(isActionQueueName, {
  message: "expected 'interflow.actions' or 'interflow.actions.<pool>' (lower-case letters, digits, _ - and dots; not ending in .dead)",
});

/** Results go to user topology only: never a system exchange, nor a system queue through the default exchange. */
export const resultRouteJson = z
  .strictObject({
    exchange: z
      .union([z.literal(''), brokerName])
      .refine((name) => !isSystemName(name), { message: RESERVED_NAME_MESSAGE })
      .describe("an existing exchange; '' is the default exchange (routing key = queue name)"),
    routing_key: z.string().max(255).default(''),
  })
  .refine((route) => route.exchange !== '' || !isSystemName(route.routing_key), {
    message: `through the default exchange the routing key names a queue: ${RESERVED_NAME_MESSAGE}`,
    path: ['routing_key'],
  });

const jsonObject = z.record(z.string(), z.unknown());

const jmesPath = z.string().min(1).max(500);

/** Marks an action as the poller of a collection (docs/pollers.md). */
export const pollerJson = z
  .strictObject({
    items: jmesPath.default('@').describe("JMESPath to the item array in a run's response; '@' when the response is the array"),
    id: jmesPath.describe('JMESPath to the id inside an item (a string or a number)'),
    hash: jmesPath
      .nullable()
      .default(null)
      .describe('JMESPath to a content hash or version inside an item; null: a hash of the whole item'),
    snapshot: z
      .boolean()
      .describe('true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions'),
  })
  .describe('each run compares its items with the action\'s states and publishes item.created, item.changed and item.deleted to interflow.items');
const ruleDelivery = {
  notify: z.strictObject({
    recipients: z.array(z.uuid({ message: 'expected a recipient id (uuid)' })).max(1000).default([]),
    groups: z.array(z.uuid({ message: 'expected a group id (uuid)' })).max(100).default([]),
  }),
  severity: z.enum(['info', 'warning', 'error', 'critical']).optional(),
  requires_confirmation: z.boolean().optional(),
};

/** Run-outcome rules: who hears about this action's runs, and when (docs/notifications.md). */
export const notificationRulesJson = z
  .array(
    z.discriminatedUnion('on', [
      z.strictObject({ on: z.literal('consecutive_failures'), count: z.number().int().min(1).max(1000), ...ruleDelivery }),
      z.strictObject({ on: z.literal('success_with_result'), ...ruleDelivery }),
    ]),
  )
  .max(20)
  .describe('notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run)');

export const createActionBody = z.strictObject({
  name: actionName,
  description: z.string().max(2000).nullable().optional(),
  deployment_id: z.uuid(),
  method: z.string().min(1).max(100),
  default_input: jsonObject.default({}),
  timeout_ms: z.number().int().min(1).max(3_600_000).optional(),
  retry_policy: retryPolicyJson.optional(),
  cache_ttl_ms: z.number().int().min(1).max(31 * 86_400_000).nullable().optional(),
  result_route: resultRouteJson.nullable().optional(),
  queue: actionQueueName.optional(),
  poller: pollerJson.nullable().optional(),
  notification_rules: notificationRulesJson.optional(),
});

export const updateActionBody = z.strictObject({
  name: actionName.optional(),
  description: z.string().max(2000).nullable().optional(),
  deployment_id: z.uuid().optional(),
  method: z.string().min(1).max(100).optional(),
  default_input: jsonObject.optional(),
  timeout_ms: z.number().int().min(1).max(3_600_000).optional(),
  retry_policy: retryPolicyJson.optional(),
  cache_ttl_ms: z.number().int().min(1).max(31 * 86_400_000).nullable().optional(),
  result_route: resultRouteJson.nullable().optional(),
  queue: actionQueueName.optional(),
  poller: pollerJson.nullable().optional(),
  notification_rules: notificationRulesJson.optional(),
});

export const listActionsQuery = z.strictObject({ ...pageQueryShape, deployment_id: z.uuid().optional() });

export const actionJson = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  deployment_id: z.uuid(),
  method: z.string(),
  default_input: jsonObject,
  timeout_ms: z.number().int(),
  retry_policy: retryPolicyJson,
  cache_ttl_ms: z.number().int().nullable(),
  result_route: z.object({ exchange: z.string(), routing_key: z.string() }).nullable(),
  queue: z.string(),
  poller: pollerJson.nullable(),
  notification_rules: notificationRulesJson,
  webhook_enabled: z.boolean(),
  created_at: z.string(),
  etag: z.string().describe('the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely'),
  updated_at: z.string(),
});

export const webhookJson = z.object({
  webhook_path: z.string().describe('POST here (no token) to run the action; the path is the secret, shown only now'),
  webhook_url: z.string(),
});

export const createdActionJson = actionJson.extend(webhookJson.shape);

export type ActionJson = z.infer<typeof actionJson>;

export function actionToJson(action: Action): ActionJson {
  return {
    id: action.id,
    name: action.name,
    description: action.description,
    deployment_id: action.deploymentId,
    method: action.method,
    default_input: action.defaultInput,
    timeout_ms: action.timeoutMs,
    retry_policy: action.retryPolicy,
    cache_ttl_ms: action.cacheTtlMs,
    result_route: action.resultRoute,
    queue: action.queue,
    poller: action.poller,
    notification_rules: action.notificationRules as ActionJson['notification_rules'],
    webhook_enabled: action.webhookEnabled,
    created_at: action.createdAt.toISOString(),
    etag: action.etag,
    updated_at: action.updatedAt.toISOString(),
  };
}

/** The webhook's path, and its URL as seen by the caller (behind a proxy, the path is what counts). */
export function webhookToJson(secret: string, origin: string): z.infer<typeof webhookJson> {
  const path = `/v1/hooks/${secret}`;
  return { webhook_path: path, webhook_url: `${origin}${path}` };
}
