import type { Principal } from '@interflow/registry';

/** What decides who sees an event. */
export interface EventAudience {
  /** The deployment the event belongs to; null for installation-wide events. */
  deploymentId: string | null;
  /** About Interflow's own queues (`interflow.*`). */
  system: boolean;
  /** A notification event of this recipient's inbox; null (or absent) for every other event. */
  recipientId?: string | null;
}

/**
 * Whether a principal sees an event, given whether it may read the event's deployment
 * (its scopes and the deployment's access rules, decided by the caller):
 * - a notification event only on its recipient's stream (and to unscoped admins);
 * - details of Interflow's own queues go only to unscoped admins;
 * - installation-wide events (user queues, exchange schedules) only to unscoped tokens;
 * - a deployment's events to whoever may read that deployment.
 */
export function eventVisibleTo(
  principal: Pick<Principal, 'role' | 'deploymentScopes' | 'recipientId'>,
  event: EventAudience,
  mayReadDeployment: (deploymentId: string) => boolean,
): boolean {
  const unscoped = principal.deploymentScopes === null;
  // A recipient's token sees its own inbox's events and nothing else; an inbox's events
  // are shown to nobody else but unscoped admins.
  if (principal.recipientId) return !!event.recipientId && event.recipientId === principal.recipientId;
  if (event.recipientId) return unscoped && principal.role === 'admin';
  if (event.system && !(unscoped && principal.role === 'admin')) return false;
  if (event.deploymentId === null) return unscoped;
  return mayReadDeployment(event.deploymentId);
}

/** Whether a principal sees the depth of a queue (depth events carry no deployment). */
export function queueVisibleTo(principal: Pick<Principal, 'role' | 'deploymentScopes' | 'recipientId'>, queue: string): boolean {
  return eventVisibleTo(principal, { deploymentId: null, system: queue.startsWith('interflow.') }, () => false);
}
