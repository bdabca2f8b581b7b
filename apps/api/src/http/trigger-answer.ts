import type { Request, Response } from 'express';
import { ValidationError } from '@interflow/core';
import { runToJson } from '../schemas/runs';
import { idempotencyKeyHeader } from '../schemas/triggering';
import { runIsFinished, type TriggerOutcome } from '../triggering/trigger-run';

/** The `Idempotency-Key` header of a trigger, validated (400 naming the header). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = idempotencyKeyHeader.safeParse(req.header('idempotency-key'));
  if (parsed.success) return parsed.data;
  throw new ValidationError('invalid Idempotency-Key header', [{ field: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
}

/** 200 with the run once it ended (or came from the cache), else 202: it is queued or running. */
export function answerTrigger(res: Response, outcome: TriggerOutcome): void {
  const { run } = outcome;
  res.status(runIsFinished(run) ? 200 : 202).location(`/v1/runs/${run.id}`);
  if (outcome.replayed) res.setHeader('idempotent-replayed', 'true');
  res.json(runToJson(run));
}
