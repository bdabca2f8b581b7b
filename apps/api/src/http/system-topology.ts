import type { Request } from 'express';
import { isSystemDeadLetterQueue, isSystemName } from '@interflow/broker';
import { ForbiddenError } from '@interflow/core';
import { type Principal, type Role } from '@interflow/registry';
import { requireRole, requireUnscoped } from './authorize';

/** What a route does to a queue, exchange or binding. */
export type TopologyOperation = 'read' | 'peek' | 'purge' | 'redrive' | 'publish' | 'declare' | 'delete' | 'bind' | 'unbind';

/**
 * Who may do what to system topology (names under `interflow.`), through the REST queue
 * API. Only an unscoped admin reaches it at all, and only for operations: reading it
 * (lists, stats, peeking, consumers, bindings) and handling dead letters of system
 * queues (redrive them into the queue they died in, or purge them). Nobody publishes to,
 * declares, binds to, unbinds from or deletes system topology, and nobody purges a live
 * system queue (its runs would never end). User topology is not decided here.
 */
export function systemTopologyAllows(principal: Principal, name: string, operation: TopologyOperation): boolean {
  if (!isSystemName(name)) return true;
  if (principal.role !== 'admin' || principal.deploymentScopes !== null) return false;
  switch (operation) {
    case 'read':
    case 'peek':
      return true;
    case 'purge':
    case 'redrive':
      return isSystemDeadLetterQueue(name);
    default:
      return false;
  }
}

/** 403 unless `systemTopologyAllows`; the message says why and what is allowed. */
export function requireTopologyAccess(principal: Principal, kind: string, name: string, operation: TopologyOperation): void {
  if (systemTopologyAllows(principal, name, operation)) return;
  const allowed =
    operation === 'purge' || operation === 'redrive'
      ? 'an unscoped admin token may redrive or purge the dead letters of system queues only'
      : operation === 'read' || operation === 'peek'
        ? 'only unscoped admin tokens may read it'
        : 'nobody may change or publish to it through the api';
  throw new ForbiddenError(`${kind} '${name}' is Interflow's own (the 'interflow.' prefix is reserved): ${allowed}`);
}

/** Whether a list shows this object to the principal (system objects only to unscoped admins). */
export function topologyVisibleTo(principal: Principal, ...names: string[]): boolean {
  return names.every((name) => systemTopologyAllows(principal, name, 'read'));
}

/**
 * The caller of a queue API route. Queues and exchanges belong to the installation, not
 * to a deployment, and user queues may carry any deployment's results (result routes,
 * replies), so a token limited to deployments reaches none of them.
 */
export function requireBrokerAccess(req: Request, role: Role): Principal {
  const principal = requireRole(req, role);
  requireUnscoped(principal, 'the queue API (queues, exchanges, bindings, consumers)');
  return principal;
}
