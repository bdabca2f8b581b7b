/**
 * The names Interflow reserves for its own topology. Everything under `interflow.` is
 * system topology (action queues, their dead letters, the api instances' reply queues,
 * subscription queues, any exchange Interflow may add): it carries run requests and run
 * results of every deployment, so it is not user topology. The REST queue API lets no
 * ordinary token publish to, declare, bind to or delete it (see apps/api's
 * system-topology.ts for who may read it), and no user queue, exchange, message or
 * action may point into it. Defined here once; everyone who names a system object
 * builds the name with these functions.
 */

/** The reserved prefix. Compared case-insensitively, so `Interflow.actions` is reserved too. */
export const SYSTEM_PREFIX = 'interflow.';

/** The queue actions run from unless they name another action queue. */
export const DEFAULT_ACTION_QUEUE = 'interflow.actions';

const SUBSCRIPTION_QUEUE_PREFIX = 'interflow.subscription.';
const REPLY_QUEUE_PREFIX = 'interflow.replies.';
const DEAD_LETTER_SUFFIX = '.dead';

/** True for every name under the reserved `interflow.` prefix (any case). */
export function isSystemName(name: string): boolean {
  return name.toLowerCase().startsWith(SYSTEM_PREFIX);
}

/** A system queue that holds dead letters (`<system queue>.dead`). */
export function isSystemDeadLetterQueue(name: string): boolean {
  return isSystemName(name) && name.endsWith(DEAD_LETTER_SUFFIX);
}

/** The dead-letter queue Interflow gives one of its queues. */
export function deadLetterQueueOf(queue: string): string {
  return `${queue}${DEAD_LETTER_SUFFIX}`;
}

/**
 * A name an action may run from: `interflow.actions` or `interflow.actions.<name>` (a
 * dedicated pool of runners), never a dead-letter queue. An action cannot name a user
 * queue: whoever may publish there could then reach the action's runs.
 */
export function isActionQueueName(name: string): boolean {
  if (name === DEFAULT_ACTION_QUEUE) return true;
  const rest = name.startsWith(`${DEFAULT_ACTION_QUEUE}.`) ? name.slice(DEFAULT_ACTION_QUEUE.length + 1) : '';
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(rest) && !name.endsWith(DEAD_LETTER_SUFFIX);
}

/** The queue of one action subscription. */
export function subscriptionQueueName(subscriptionId: string): string {
  return `${SUBSCRIPTION_QUEUE_PREFIX}${subscriptionId}`;
}

/**
 * The topic exchange where pollers announce what changed in their collections
 * (`item.created`, `item.changed`, `item.deleted`). System topology: only Interflow binds
 * to it, on behalf of an action subscription whose source is a poller.
 */
export const ITEM_EVENTS_EXCHANGE = 'interflow.items';

/** The routing key of one poller's item event: `<action id>.item.<created|changed|deleted>`. */
export function itemEventRoutingKey(actionId: string, event: 'created' | 'changed' | 'deleted'): string {
  return `${actionId}.item.${event}`;
}

/** The reply queue of one api instance (`?wait=` on triggers). */
export function replyQueueName(instanceId: string): string {
  return `${REPLY_QUEUE_PREFIX}${instanceId.replace(/[^A-Za-z0-9_.:-]/g, '_')}`;
}

/** What the api tells a caller who named a reserved object. */
export const RESERVED_NAME_MESSAGE = `names starting with '${SYSTEM_PREFIX}' are reserved for Interflow's own queues and exchanges`;
