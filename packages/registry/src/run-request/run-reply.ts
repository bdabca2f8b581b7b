/**
 * What the runner says when a run ends (the other half of the run-request contract):
 * a reply to the request's reply-to queue (default exchange, correlation id = run id)
 * and, for a success, a result on the action's result route, which is how actions
 * chain. Written by the runner, read by the api (`?wait=`) and by subscriptions.
 */

export const RUN_ID_HEADER = 'x-run-id';

export type RunEndStatus = 'succeeded' | 'failed';

export interface RunEnd {
  runId: string;
  status: RunEndStatus;
  response: unknown;
  error: string | null;
}

/** Reply payload: `{run_id, status, response}`, plus `error` when the run failed. */
export interface RunReply {
  run_id: string;
  status: string;
  response?: unknown;
  error?: unknown;
}

/** Result payload on the result route: `{run_id, action_id, status, response}`. */
export interface RunResult {
  run_id: string;
  action_id: string;
  status: 'succeeded';
  response: unknown;
}

export function runReplyPayload(end: RunEnd): RunReply {
  return end.status === 'succeeded'
    ? { run_id: end.runId, status: end.status, response: end.response }
    : { run_id: end.runId, status: end.status, error: end.error, response: end.response ?? null };
}

export function runResultPayload(actionId: string, end: RunEnd & { status: 'succeeded' }): RunResult {
  return { run_id: end.runId, action_id: actionId, status: end.status, response: end.response };
}

/** A reply as the api reads it; null when the payload is not one. */
export function parseRunReply(payload: unknown): RunReply | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const candidate = payload as Record<string, unknown>;
  if (typeof candidate.run_id !== 'string' || typeof candidate.status !== 'string') return null;
  return candidate as unknown as RunReply;
}
