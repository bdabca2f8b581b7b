import { NotFoundError, PermanentError, type Sql } from '@interflow/core';
import { loadActionContext, UnknownSecretKeyError, type SecretKeyring } from '@interflow/registry';
import type { ActionPlan, ActionPlans, UnrunnableAction } from '../action-plan';

/** Share of each retry delay drawn at random, so failures of many runs do not retry in lockstep. */
const RETRY_JITTER = 0.2;

/**
 * Action plans from the registry: the action with its deployment (credentials
 * decrypted) and service (signing secret decrypted), read fresh for every run so a
 * changed action or a rotated secret takes effect at once. Never cached, never logged.
 */
export class RegistryActionPlans implements ActionPlans {
  constructor(
    private readonly sql: Sql,
    private readonly keyring: SecretKeyring,
  ) {}

  async load(actionId: string): Promise<ActionPlan | UnrunnableAction> {
    let context;
    try {
      context = await loadActionContext(this.sql, this.keyring, actionId);
    } catch (error) {
      if (error instanceof NotFoundError || isInvalidUuid(error)) return { unrunnable: `action '${actionId}' does not exist` };
      if (error instanceof PermanentError) return { unrunnable: error.message };
      const unreadable = unreadableSecret(error);
      if (unreadable) return { unrunnable: `the action's stored secrets cannot be opened: ${unreadable}` };
      throw error;
    }
    const { action, deployment, service, method } = context;
    const rateLimit = deployment.rateLimit;
    return {
      actionId: action.id,
      actionName: action.name,
      service: { id: service.id, name: service.name, baseUrl: service.baseUrl, signingSecret: service.signingSecret },
      method: { name: method.name, verb: method.http_method, path: method.path },
      deployment: {
        id: deployment.id,
        name: deployment.name,
        connection: deployment.connection,
        credentials: deployment.credentials,
        limits: {
          // The bucket holds one interval's worth: a quiet deployment may use a whole interval at once.
          rate: rateLimit ? { requests: rateLimit.requests, intervalMs: rateLimit.interval_ms, burst: rateLimit.requests } : null,
          maxConcurrency: deployment.maxConcurrency,
        },
      },
      defaultInput: action.defaultInput,
      timeoutMs: action.timeoutMs,
      retry: {
        maxAttempts: action.retryPolicy.max_attempts,
        backoff: {
          initialDelayMs: action.retryPolicy.initial_delay_ms,
          multiplier: action.retryPolicy.multiplier,
          maxDelayMs: action.retryPolicy.max_delay_ms,
          jitter: RETRY_JITTER,
        },
      },
      cacheTtlMs: action.cacheTtlMs,
      resultRoute: action.resultRoute ? { exchange: action.resultRoute.exchange, routingKey: action.resultRoute.routing_key } : null,
      poller: action.poller,
    };
  }
}

/** A message naming an action id that is not even a uuid: the action does not exist. */
function isInvalidUuid(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '22P02';
}

/**
 * A deployment's credentials or a service's signing secret this runner cannot open: a
 * key id it lacks, or a key that does not fit (rotated without keeping the old key).
 * No retry can help until an operator configures the key; the run fails saying so (the
 * dead-lettered message can be redriven afterwards).
 */
function unreadableSecret(error: unknown): string | null {
  if (error instanceof UnknownSecretKeyError) return error.message;
  if (error instanceof Error && /unable to authenticate data/i.test(error.message)) {
    return 'the configured key does not open them (INTERFLOW_SECRET_KEY changed without keeping the old one as INTERFLOW_SECRET_KEY_SECONDARY?)';
  }
  return null;
}
