import { z } from 'zod';
import type { Delivery } from '@interflow/core';

/**
 * What a delivery asks the runner to do: run `actionId` with `input`, under `runId` when
 * the publisher already created the run (the api does), else under a run the runner
 * creates keyed by the message id (schedules, subscriptions).
 */
export interface RunRequest {
  actionId: string;
  runId: string | null;
  input: Record<string, unknown>;
}

/** Contract 3: the payload of a run request on an action queue. */
const actionMessageSchema = z.object({
  action_id: z.string().min(1),
  run_id: z.string().min(1).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
});

export const ACTION_ID_HEADER = 'x-action-id';

export class MalformedRunRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRunRequest';
  }
}

/** A message on an action queue. Malformed ones cannot succeed on retry: they are dead-lettered. */
export function parseActionMessage(delivery: Delivery): RunRequest {
  const parsed = actionMessageSchema.safeParse(delivery.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new MalformedRunRequest(`not a run request (${problems})`);
  }
  const header = delivery.headers[ACTION_ID_HEADER];
  if (header !== undefined && String(header) !== parsed.data.action_id) {
    throw new MalformedRunRequest(`header ${ACTION_ID_HEADER} '${String(header)}' disagrees with action_id '${parsed.data.action_id}'`);
  }
  return { actionId: parsed.data.action_id, runId: parsed.data.run_id ?? null, input: parsed.data.input ?? {} };
}

/**
 * A message that reached an action through a subscription: any payload. A finished run's
 * result (`{run_id, status, response}`, what the runner publishes) passes its response on;
 * another object is the input itself; anything else is wrapped as `{ value }`.
 */
export function subscriptionInput(payload: unknown): Record<string, unknown> {
  if (isRecord(payload) && typeof payload.run_id === 'string' && 'response' in payload) {
    const response = payload.response;
    return isRecord(response) ? response : { value: response };
  }
  return isRecord(payload) ? payload : { value: payload };
}

/** The action's default input under the message's: the message wins field by field. */
export function mergeInput(defaults: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  return { ...defaults, ...given };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
