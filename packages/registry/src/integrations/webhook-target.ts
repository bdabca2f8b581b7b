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

function actionTarget(row: ActionTargetRow): ActionTarget {
  return {
    action: presentAction(row),
    method: () => {
      if (row.s_name === null || row.s_methods === null) throw new NotFoundError('deployment', row.deployment_id);
      return methodOffered(row.s_methods, row.s_name, row.method);
    },
  };
}

/**
 * The action and its deployment's service (name and methods) in ONE statement, where a
 * trigger used to read the action, then the service with a share lock. No lock: taken
 * outside any transaction it was released at once and protected nothing, and a trigger
 * writes only the run and its message, whose foreign key to the action refuses the insert
 * if the action is deleted meanwhile.
 */
async function readActionTarget(sql: SqlExecutor, id: string): Promise<ActionTarget | null> {
  const [row] = await sql<ActionTargetRow[]>`
    select a.*, s.name as s_name, s.methods as s_methods
    from actions a
    left join deployments d on d.id = a.deployment_id
    left join services s on s.id = d.service_id
    where a.id = ${id}`;
  return row ? actionTarget(row) : null;
}

/**
 * The actions these webhook secrets name, with their methods, in ONE statement however
 * many (the api gathers the webhooks that arrive together), as `readActionTarget` reads
 * one: null where a secret is unknown or rotated away, in the order of the secrets.
 */
export async function findWebhookTargets(sql: SqlExecutor, secrets: string[]): Promise<(ActionTarget | null)[]> {
  const hashes = secrets.map((secret) => hashWebhookSecret(secret).toString('hex'));
  const rows = await sql<(ActionTargetRow & { webhook_hex: string })[]>`
    select a.*, s.name as s_name, s.methods as s_methods, encode(a.webhook_hash, 'hex') as webhook_hex
    from actions a
    left join deployments d on d.id = a.deployment_id
    left join services s on s.id = d.service_id
    where a.webhook_hash = any(select decode(hex, 'hex') from unnest(${hashes}::text[]) as hex)`;
  const byHash = new Map(rows.map((row) => [row.webhook_hex, row]));
  return hashes.map((hash) => {
    const row = byHash.get(hash);
    return row ? actionTarget(row) : null;
  });
}

/** The action with this id and its method (one statement); NotFoundError when there is none. */
export async function findActionTarget(sql: SqlExecutor, id: string): Promise<ActionTarget> {
  const target = await readActionTarget(sql, id);
  if (!target) throw new NotFoundError('action', id);
  return target;
}
