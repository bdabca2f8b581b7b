import { type SqlExecutor, NotFoundError } from '@interflow/core';
import { hashWebhookSecret, methodOffered, presentAction, type Action, type ActionRow } from './actions';
import type { ServiceMethod } from './services';

/** What a webhook call starts: the action its secret names, and the service method it calls. */
export interface WebhookTarget {
  action: Action;
  method: ServiceMethod;
}

/** An action read with its method, which is checked only when asked for (after the caller's access checks). */
export interface ActionTarget {
  action: Action;
  /** The action's method: NotFoundError when its deployment is gone, ValidationError (400) when the service no longer offers it, as `resolveMethod` answers. */
  method(): ServiceMethod;
}

interface ActionTargetRow extends ActionRow {
  s_name: string | null;
  s_methods: ServiceMethod[] | null;
}

/**
 * The action and its deployment's service (name and methods) in ONE statement, where a
 * trigger used to read the action, then the service with a share lock. No lock: taken
 * outside any transaction it was released at once and protected nothing, and a trigger
 * writes only the run and its message, whose foreign key to the action refuses the insert
 * if the action is deleted meanwhile.
 */
async function readActionTarget(sql: SqlExecutor, where: { webhookHash: Buffer } | { id: string }): Promise<ActionTarget | null> {
  const [row] = await sql<ActionTargetRow[]>`
    select a.*, s.name as s_name, s.methods as s_methods
    from actions a
    left join deployments d on d.id = a.deployment_id
    left join services s on s.id = d.service_id
    where ${'id' in where ? sql`a.id = ${where.id}` : sql`a.webhook_hash = ${where.webhookHash}`}`;
  if (!row) return null;
  return {
    action: presentAction(row),
    method: () => {
      if (row.s_name === null || row.s_methods === null) throw new NotFoundError('deployment', row.deployment_id);
      return methodOffered(row.s_methods, row.s_name, row.method);
    },
  };
}

/**
 * The action whose webhook secret this is, with its method (one statement). Null when the
 * secret is unknown or rotated away; a method the service no longer offers is a
 * ValidationError (400).
 */
export async function findWebhookTarget(sql: SqlExecutor, secret: string): Promise<WebhookTarget | null> {
  const target = await readActionTarget(sql, { webhookHash: hashWebhookSecret(secret) });
  return target && { action: target.action, method: target.method() };
}

/** The action with this id and its method (one statement); NotFoundError when there is none. */
export async function findActionTarget(sql: SqlExecutor, id: string): Promise<ActionTarget> {
  const target = await readActionTarget(sql, { id });
  if (!target) throw new NotFoundError('action', id);
  return target;
}
