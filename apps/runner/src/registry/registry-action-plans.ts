import { NotFoundError, PermanentError, type Sql } from '@interflow/core';
import { loadActionContext, UnknownSecretKeyError, type SecretKeyring } from '@interflow/registry';
import { isUnrunnable, type ActionPlan, type ActionPlans, type UnrunnableAction } from '../action-plan';

/** Share of each retry delay drawn at random, so failures of many runs do not retry in lockstep. */
const RETRY_JITTER = 0.2;

/** Plans kept for reuse, at most this many (the least recently loaded go first). */
const MAX_KEPT_PLANS = 1000;
/** A plan not used for this long is dropped, and its decrypted secrets with it. */
const KEPT_PLAN_IDLE_MS = 60_000;

/**
 * Action plans from the registry: the action with its deployment (credentials
 * decrypted) and service (signing secret decrypted). A plan is reused only when the
 * caller brings the stamp it just read with the run (`runWithContextStamp`) and that
 * stamp is the plan's own: then none of the action, deployment and service rows changed
 * since, so a changed action or a rotated secret still takes effect at once. Plans are
 * kept in memory only (never logged), at most MAX_KEPT_PLANS; one unused for
 * KEPT_PLAN_IDLE_MS is read again, and dropped at the next load of any plan.
 */
export class RegistryActionPlans implements ActionPlans {
  private readonly kept = new Map<string, { plan: ActionPlan; usedAt: number }>();

  constructor(
    private readonly sql: Sql,
    private readonly keyring: SecretKeyring,
    private readonly now: () => number = Date.now,
  ) {}

  async load(actionId: string, currentStamp?: string | null): Promise<ActionPlan | UnrunnableAction> {
    const now = this.now();
    const kept = this.kept.get(actionId);
    if (kept && currentStamp && kept.plan.stamp === currentStamp && now - kept.usedAt < KEPT_PLAN_IDLE_MS) {
      kept.usedAt = now;
      return kept.plan;
    }
    const loaded = await this.read(actionId);
    this.kept.delete(actionId);
    if (!isUnrunnable(loaded)) this.keep(actionId, loaded, now);
    return loaded;
  }

  private keep(actionId: string, plan: ActionPlan, now: number): void {
    for (const [id, entry] of this.kept) {
      if (this.kept.size < MAX_KEPT_PLANS && now - entry.usedAt < KEPT_PLAN_IDLE_MS) break;
      this.kept.delete(id);
    }
    this.kept.set(actionId, { plan, usedAt: now });
  }

  private async read(actionId: string): Promise<ActionPlan | UnrunnableAction> {
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
      notifiesOutcomes: action.notificationRules.length > 0,
      stamp: context.stamp,
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
