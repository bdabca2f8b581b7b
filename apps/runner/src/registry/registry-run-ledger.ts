import {
  completeRun,
  ensureRunForMessage,
  finishRunAttempt,
  getRun,
  listRunAttempts,
  markRunRetrying,
  NotFoundError,
  startRunAttempt,
  type Clock,
  type Run,
  type RunTrigger,
  type Sql,
} from '@interflow/core';
import type { AttemptResult, FinalRunStatus, OpenedRun, RunLedger, RunRequestContext } from '../run-ledger';

/** The RunLedger over core's run-recording functions (registry's tables). */
export class RegistryRunLedger implements RunLedger {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  async open(request: RunRequestContext): Promise<OpenedRun> {
    let run: Run | null = null;
    if (request.runId) run = await getRun(this.sql, request.runId).catch(ignoreNotFound);
    // A message without a run (schedule, subscription), or whose run was deleted: the run keyed by the message.
    run ??= await ensureRunForMessage(this.sql, {
      messageId: request.messageId,
      actionId: request.actionId,
      input: request.input,
      trigger: triggerOf(request.sender),
      triggeredBy: request.sender,
    });
    if (run.status === 'running') await this.closeAbandonedAttempts(run.id);
    return {
      runId: run.id,
      status: run.status,
      attempts: run.attempts,
      response: run.response,
      error: typeof run.error === 'string' ? run.error : run.error === null ? null : JSON.stringify(run.error),
    };
  }

  beginAttempt(runId: string, attempt: number): Promise<void> {
    return startRunAttempt(this.sql, runId, attempt, this.clock.now());
  }

  finishAttempt(runId: string, attempt: number, result: AttemptResult): Promise<void> {
    return finishRunAttempt(this.sql, runId, attempt, {
      finishedAt: this.clock.now(),
      outcome: result.outcome,
      httpStatus: result.httpStatus,
      error: result.error ?? undefined,
      response: result.response ?? undefined,
    });
  }

  markRetrying(runId: string): Promise<void> {
    return markRunRetrying(this.sql, runId);
  }

  async finish(runId: string, status: FinalRunStatus, outcome: { response?: unknown; error?: string }): Promise<void> {
    await completeRun(this.sql, runId, { status, finishedAt: this.clock.now(), response: outcome.response, error: outcome.error });
  }

  /** A run still `running` when its message comes back: the runner that had it died mid-call. */
  private async closeAbandonedAttempts(runId: string) {
    for (const attempt of await listRunAttempts(this.sql, runId)) {
      if (attempt.finishedAt) continue;
      await finishRunAttempt(this.sql, runId, attempt.attempt, {
        finishedAt: this.clock.now(),
        outcome: 'failed',
        error: 'abandoned: the runner making this call stopped before it ended (its lease lapsed)',
      });
    }
  }
}

function triggerOf(sender: string | null): RunTrigger {
  return sender?.startsWith('schedule:') ? 'schedule' : 'message';
}

function ignoreNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
