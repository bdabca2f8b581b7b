import type { Principal } from '@interflow/registry';

/** What decides who sees an event. */
export interface EventAudience {
  /** The deployment the event belongs to; null for installation-wide events. */
  deploymentId: string | null;
  /** About Interflow's own queues (`interflow.*`). */
  system: boolean;
}

/**
 * Whether a principal sees an event, given whether it may read the event's deployment
 * (its scopes and the deployment's access rules, decided by the caller):
 * - details of Interflow's own queues go only to unscoped admins;
 * - installation-wide events (user queues, exchange schedules) only to unscoped tokens;
 * - a deployment's events to whoever may read that deployment.
 */
export function eventVisibleTo(
  principal: Pick<Principal, 'role' | 'deploymentScopes'>,
  event: EventAudience,
  mayReadDeployment: (deploymentId: string) => boolean,
): boolean {
  const unscoped = principal.deploymentScopes === null;
  if (event.system && !(unscoped && principal.role === 'admin')) return false;
  if (event.deploymentId === null) return unscoped;
  return mayReadDeployment(event.deploymentId);
}

/** Whether a principal sees the depth of a queue (depth events carry no deployment). */
export function queueVisibleTo(principal: Pick<Principal, 'role' | 'deploymentScopes'>, queue: string): boolean {
  return eventVisibleTo(principal, { deploymentId: null, system: queue.startsWith('interflow.') }, () => false);
}
