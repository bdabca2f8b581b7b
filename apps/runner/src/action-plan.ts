import { type RetryBackoff } from '@interflow/broker';
import type { CollectionPoller } from '@interflow/registry';
import type { HttpVerb } from '@interflow/connector-sdk';
import type { DeploymentLimits } from './limits/call-permits';

/**
 * Everything the runner needs to execute one action, resolved from the registry:
 * where the call goes (service base URL + method verb and path), with what context (the
 * deployment, decrypted), under which policy (timeout, retries, limits, cache, result).
 */
export interface ActionPlan {
  actionId: string;
  actionName: string;
  service: { id: string; name: string; baseUrl: string; signingSecret: string };
  method: { name: string; verb: HttpVerb; path: string };
  deployment: {
    id: string;
    name: string;
    connection: Record<string, unknown>;
    credentials: Record<string, unknown>;
    limits: DeploymentLimits;
  };
  defaultInput: Record<string, unknown>;
  timeoutMs: number;
  retry: { maxAttempts: number; backoff: RetryBackoff };
  /** Responses are cached this long for the api's sync triggers; null: not cached. */
  cacheTtlMs: number | null;
  /** Where a successful result is published, if anywhere. */
  resultRoute: { exchange: string; routingKey: string } | null;
  /** Set for a poller: its items are compared with the action's states and the changes published. */
  poller: CollectionPoller | null;
  /** The action has run-outcome notification rules: its ended runs are told to `outcomes`. */
  notifiesOutcomes: boolean;
  /** The registry's stamp of the rows this plan was built from: equal stamps, same plan. */
  stamp: string;
}

/** Why an action cannot run at all, whatever the retries: it is gone, or points at a method its service dropped. */
export interface UnrunnableAction {
  unrunnable: string;
}

export interface ActionPlans {
  /**
   * The action's plan as the registry has it now. `currentStamp`, when the caller just
   * read it from the registry, lets a plan built from the same rows be reused.
   */
  load(actionId: string, currentStamp?: string | null): Promise<ActionPlan | UnrunnableAction>;
}

export function isUnrunnable(loaded: ActionPlan | UnrunnableAction): loaded is UnrunnableAction {
  return 'unrunnable' in loaded;
}
