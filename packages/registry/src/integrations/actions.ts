import crypto from 'node:crypto';
import type { Principal } from '../access/principal';
import {
  type Sql,
  type SqlExecutor,
  jsonParam,
  keysetPage,
  type KeysetPage,
  type KeysetRequest,
  ConflictError,
  NotFoundError,
  ValidationError,
} from '@interflow/core';
import { DEFAULT_ACTION_QUEUE } from '@interflow/broker';
import { deploymentVisibleSql } from './access-rules';
import { assertValidPoller, type CollectionPoller } from './collection-poller';
import { assertIfMatch, contentEtag } from './etag';
import { assertMatchesSchema, withoutTopLevelRequired } from './json-schema';
import type { ServiceMethod } from './services';
import { uniqueViolation } from './unique-violation';

export const DEFAULT_ACTION_TIMEOUT_MS = 30_000;

/** How the runner retries a failed call (delays grow by `multiplier`, capped). */
export interface RetryPolicy {
  max_attempts: number;
  initial_delay_ms: number;
  multiplier: number;
  max_delay_ms: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { max_attempts: 3, initial_delay_ms: 1000, multiplier: 2, max_delay_ms: 60_000 };

/** Where a run's result is published, so one action's result can trigger others. */
export interface ResultRoute {
  exchange: string;
  routing_key: string;
}

export interface Action {
  id: string;
  name: string;
  description: string | null;
  deploymentId: string;
  /** A method name of the deployment's service. */
  method: string;
  /** Merged under each trigger's input (the trigger's fields win). */
  defaultInput: Record<string, unknown>;
  timeoutMs: number;
  retryPolicy: RetryPolicy;
  /** Successful responses are reused for identical input this long; null: no cache. */
  cacheTtlMs: number | null;
  resultRoute: ResultRoute | null;
  queue: string;
  /** Set when the action polls a collection: each run's items are compared with its states and changes published. */
  poller: CollectionPoller | null;
  /** Run-outcome notification rules, as the api spells them (read by @interflow/notifications). */
  notificationRules: NotificationRuleDocument[];
  webhookEnabled: boolean;
  /** Content hash of what a client can change (sent as ETag; `If-Match` on a change). */
  etag: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionFields {
  name: string;
  description?: string | null;
  deploymentId: string;
  method: string;
  defaultInput?: Record<string, unknown>;
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  cacheTtlMs?: number | null;
  resultRoute?: ResultRoute | null;
  queue?: string;
  poller?: CollectionPoller | null;
  notificationRules?: NotificationRuleDocument[];
}

/** One run-outcome rule, stored as given (validated by the api, interpreted by @interflow/notifications). */
export type NotificationRuleDocument = Record<string, unknown>;

export interface ActionRow {
  seq: string;
  id: string;
  name: string;
  description: string | null;
  deployment_id: string;
  method: string;
  default_input: Record<string, unknown>;
  timeout_ms: number;
  retry_policy: RetryPolicy;
  cache_ttl_ms: number | null;
  result_exchange: string | null;
  result_routing_key: string | null;
  queue: string;
  poller: CollectionPoller | null;
  notification_rules: NotificationRuleDocument[];
  webhook_hash: Buffer | null;
  created_at: Date;
  updated_at: Date;
}

/** The ETag of an action: every field a client sets (not the webhook secret). */
export function actionEtag(row: ActionRow): string {
  return contentEtag([
    row.name,
    row.description,
    row.deployment_id,
    row.method,
    row.default_input,
    row.timeout_ms,
    row.retry_policy,
    row.cache_ttl_ms,
    row.result_exchange,
    row.result_routing_key,
    row.queue,
    // Appended only when set, so the ETags of actions that do not poll stay what they were.
    ...(row.poller ? [row.poller] : []),
    ...(row.notification_rules.length > 0 ? [row.notification_rules] : []),
  ]);
}

export function presentAction(row: ActionRow): Action {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    deploymentId: row.deployment_id,
    method: row.method,
    defaultInput: row.default_input,
    timeoutMs: row.timeout_ms,
    retryPolicy: row.retry_policy,
    cacheTtlMs: row.cache_ttl_ms,
    resultRoute:
      row.result_exchange !== null ? { exchange: row.result_exchange, routing_key: row.result_routing_key ?? '' } : null,
    queue: row.queue,
    poller: row.poller,
    notificationRules: row.notification_rules,
    webhookEnabled: row.webhook_hash !== null,
    etag: actionEtag(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The secret part of an action's webhook URL (`/v1/hooks/<secret>`); only its hash is stored. */
export function generateWebhookSecret(): string {
  return `whk_${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashWebhookSecret(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * The method of the deployment's service, checked to exist (400 naming the offered ones).
 * Share-locks the deployment and service rows, so inside a transaction a concurrent
 * deletion or change of methods waits until the action referring to them is written
 * (and then sees it), instead of both passing their checks.
 */
export async function resolveMethod(sql: SqlExecutor, deploymentId: string, method: string): Promise<ServiceMethod> {
  const [row] = await sql<{ methods: ServiceMethod[]; service: string }[]>`
    select s.methods, s.name as service from deployments d join services s on s.id = d.service_id where d.id = ${deploymentId}
    for share of d, s`;
  if (!row) throw new NotFoundError('deployment', deploymentId);
  return methodOffered(row.methods, row.service, method);
}

/** The named method among the service's, or a ValidationError naming the offered ones. */
export function methodOffered(methods: ServiceMethod[], service: string, method: string): ServiceMethod {
  const found = methods.find((m) => m.name === method);
  if (!found) {
    const offered = methods.map((m) => m.name).join(', ') || 'none';
    throw new ValidationError(`service '${service}' has no method '${method}'`, [
      { field: 'method', message: `not a method of service '${service}' (it offers: ${offered})` },
    ]);
  }
  return found;
}

/** A default input may leave required fields to the trigger, but what it gives must be valid. */
function assertValidDefaultInput(method: ServiceMethod, defaultInput: Record<string, unknown>): void {
  if (method.input_schema) {
    assertMatchesSchema(withoutTopLevelRequired(method.input_schema), defaultInput, 'default_input', 'the default input');
  }
}

function nameTaken(name: string | undefined): () => Error {
  return () => new ConflictError(`an action named '${name}' exists`, { field: 'name' });
}

/** Creates an action and its webhook; the webhook secret is returned here (and on rotation) only. */
export async function createAction(sql: Sql, fields: ActionFields): Promise<{ action: Action; webhookSecret: string }> {
  const webhookSecret = generateWebhookSecret();
  try {
    return await sql.begin(async (tx) => insertAction(tx, fields, webhookSecret));
  } catch (error) {
    throw uniqueViolation(error, 'actions_name_key', nameTaken(fields.name));
  }
}

/** Checks the method and default input, then inserts: inside createAction's transaction. */
async function insertAction(
  sql: SqlExecutor,
  fields: ActionFields,
  webhookSecret: string,
): Promise<{ action: Action; webhookSecret: string }> {
  const method = await resolveMethod(sql, fields.deploymentId, fields.method);
  const defaultInput = fields.defaultInput ?? {};
  assertValidDefaultInput(method, defaultInput);
  if (fields.poller) assertValidPoller(fields.poller);
  const [row] = await sql<ActionRow[]>`
    insert into actions (name, description, deployment_id, method, default_input, timeout_ms, retry_policy, cache_ttl_ms,
                         result_exchange, result_routing_key, queue, poller, notification_rules, webhook_hash)
    values (${fields.name}, ${fields.description ?? null}, ${fields.deploymentId}, ${fields.method},
            ${jsonParam(sql, defaultInput)}, ${fields.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS},
            ${jsonParam(sql, fields.retryPolicy ?? DEFAULT_RETRY_POLICY)}, ${fields.cacheTtlMs ?? null},
            ${fields.resultRoute?.exchange ?? null}, ${fields.resultRoute?.routing_key ?? null},
            ${fields.queue ?? DEFAULT_ACTION_QUEUE}, ${fields.poller ? jsonParam(sql, fields.poller) : null},
            ${jsonParam(sql, fields.notificationRules ?? [])}, ${hashWebhookSecret(webhookSecret)})
    returning *`;
  if (!row) throw new Error('insert into actions returned no row');
  return { action: presentAction(row), webhookSecret };
}

export async function getAction(sql: SqlExecutor, id: string): Promise<Action> {
  const [row] = await sql<ActionRow[]>`select * from actions where id = ${id}`;
  if (!row) throw new NotFoundError('action', id);
  return presentAction(row);
}

/** Actions on deployments the principal may read. */
export async function listActions(
  sql: Sql,
  principal: Principal,
  request: KeysetRequest & { deploymentId?: string },
): Promise<KeysetPage<Action>> {
  const rows = await sql<ActionRow[]>`
    select a.* from actions a join deployments d on d.id = a.deployment_id
    where a.seq > ${request.after ?? '0'}
      and (${request.deploymentId ?? null}::uuid is null or a.deployment_id = ${request.deploymentId ?? null})
      and ${deploymentVisibleSql(sql, principal, 'd')}
    order by a.seq
    limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, presentAction);
}

/** Applies a patch; the method (and default input) are re-checked against the effective deployment. */
export async function updateAction(sql: Sql, id: string, patch: Partial<ActionFields>, ifMatch?: string): Promise<Action> {
  return sql.begin(async (tx) => {
    const [current] = await tx<ActionRow[]>`select * from actions where id = ${id} for update`;
    if (!current) throw new NotFoundError('action', id);
    assertIfMatch(ifMatch, actionEtag(current));
    const deploymentId = patch.deploymentId ?? current.deployment_id;
    const methodName = patch.method ?? current.method;
    const defaultInput = patch.defaultInput ?? current.default_input;
    const method = await resolveMethod(tx, deploymentId, methodName);
    assertValidDefaultInput(method, defaultInput);
    const route = patch.resultRoute === undefined ? presentAction(current).resultRoute : patch.resultRoute;
    const poller = patch.poller === undefined ? current.poller : patch.poller;
    if (poller) assertValidPoller(poller);
    try {
      const [row] = await tx<ActionRow[]>`
        update actions set
          name = ${patch.name ?? current.name},
          description = ${patch.description === undefined ? current.description : patch.description},
          deployment_id = ${deploymentId},
          method = ${methodName},
          default_input = ${jsonParam(tx, defaultInput)},
          timeout_ms = ${patch.timeoutMs ?? current.timeout_ms},
          retry_policy = ${jsonParam(tx, patch.retryPolicy ?? current.retry_policy)},
          cache_ttl_ms = ${patch.cacheTtlMs === undefined ? current.cache_ttl_ms : patch.cacheTtlMs},
          result_exchange = ${route?.exchange ?? null},
          result_routing_key = ${route?.routing_key ?? null},
          queue = ${patch.queue ?? current.queue},
          poller = ${poller ? jsonParam(tx, poller) : null},
          notification_rules = ${jsonParam(tx, patch.notificationRules ?? current.notification_rules)},
          updated_at = now()
        where id = ${id}
        returning *`;
      if (!row) throw new NotFoundError('action', id);
      return presentAction(row);
    } catch (error) {
      throw uniqueViolation(error, 'actions_name_key', nameTaken(patch.name));
    }
  });
}

/** Deletes an action with its runs, states and cached responses (they mean nothing without it). */
export async function deleteAction(sql: Sql, id: string, ifMatch?: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [current] = await tx<ActionRow[]>`select * from actions where id = ${id} for update`;
    if (!current) throw new NotFoundError('action', id);
    assertIfMatch(ifMatch, actionEtag(current));
    await tx`delete from actions where id = ${id}`;
  });
}

/** Replaces the webhook secret (the old URL stops working at once) and returns the new one. */
export async function rotateActionWebhook(sql: Sql, id: string): Promise<string> {
  const secret = generateWebhookSecret();
  const rows = await sql`update actions set webhook_hash = ${hashWebhookSecret(secret)}, updated_at = now() where id = ${id} returning id`;
  if (rows.length === 0) throw new NotFoundError('action', id);
  return secret;
}

/** Turns the webhook off; rotating turns it on again. */
export async function disableActionWebhook(sql: Sql, id: string): Promise<void> {
  const rows = await sql`update actions set webhook_hash = null, updated_at = now() where id = ${id} returning id`;
  if (rows.length === 0) throw new NotFoundError('action', id);
}
