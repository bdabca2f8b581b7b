import crypto from 'node:crypto';
import { DEFAULT_EXCHANGE, type Publication } from '@interflow/broker';
import { hashRunInput, type NewRun } from '@interflow/registry';

/** A queued run of the action, as a trigger hands it to the run writer. */
export function newRun(actionId: string, deploymentId: string, idempotencyKey: string | null = null): NewRun {
  const input = { n: 1 };
  return { id: crypto.randomUUID(), actionId, deploymentId, trigger: 'api', triggeredBy: 'test', input, inputHash: hashRunInput(input), idempotencyKey };
}

/** The message carrying a run's request, to the queue. */
export function runPublication(queue: string, runId: string): Publication {
  return { exchange: DEFAULT_EXCHANGE, routingKey: queue, mandatory: true, message: { payload: { run_id: runId }, correlationId: runId } };
}
