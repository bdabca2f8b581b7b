import { type SqlExecutor, NotFoundError } from '@interflow/core';
import { hashWebhookSecret, methodOffered, presentAction, type Action, type ActionRow } from './actions';
import type { ServiceMethod } from './services';

/** What a webhook call starts: the action its secret names, and the service method it calls. */
export interface WebhookTarget {
  action: Action;
  method: ServiceMethod;
}

interface WebhookTargetRow extends ActionRow {
  s_name: string | null;
  s_methods: ServiceMethod[] | null;
}

/**
 * The action whose webhook secret this is, with its method, in ONE statement (a webhook
 * used to cost two: the action, then its deployment's service). Null when the secret is
 * unknown or rotated away. Takes no lock: a trigger writes only the run and its message,
 * and the run's foreign key to the action refuses the insert if the action is deleted
 * meanwhile. A method the service no longer offers is a ValidationError (400), as
 * `resolveMethod` answers.
 */
export async function findWebhookTarget(sql: SqlExecutor, secret: string): Promise<WebhookTarget | null> {
  const [row] = await sql<WebhookTargetRow[]>`
    select a.*, s.name as s_name, s.methods as s_methods
    from actions a
    left join deployments d on d.id = a.deployment_id
    left join services s on s.id = d.service_id
    where a.webhook_hash = ${hashWebhookSecret(secret)}`;
  if (!row) return null;
  if (row.s_name === null || row.s_methods === null) throw new NotFoundError('deployment', row.deployment_id);
  return { action: presentAction(row), method: methodOffered(row.s_methods, row.s_name, row.method) };
}
