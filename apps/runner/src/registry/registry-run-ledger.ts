import { type TransactionSql } from '@interflow/broker';
import { NotFoundError, TurnBatch, inDistinctRounds, inPipelinedTransaction, type Clock, type Sql } from '@interflow/core';
import {
  completeRunOnce,
  endRunsWithAttempts,
  ensureRunForMessage,
  finishRunAttempt,
  getRun,
  listRunAttempts,
  markRunRetrying,
  recordPolledItems,
  runsWithContextStamp,
  startRunAttempts,
  type AttemptStart,
  type Run,
  type RunEnding,
} from '@interflow/registry';
import type { AttemptEnding, AttemptResult, FinalRunStatus, FoundRun, OpenedRun, RunLedger, RunRecorder, RunRequestContext } from '../run-ledger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The RunLedger over core's run-recording functions (registry's tables). The first read
 * of a run and the start of an attempt are gathered per event-loop turn (TurnBatch): the
 * messages of one claim read their runs in one statement and start their attempts in
 * another, each answered when its statement is; with `groupRecords`, their settles share
 * one transaction too. Inside a transaction the runs' ends of one turn are one statement.
 */
export class RegistryRunLedger implements RunLedger {
  private readonly finds = new TurnBatch((lookups: { runId: string; actionId: string }[]) => runsWithContextStamp(this.sql, lookups));
  private readonly attemptStarts = new TurnBatch((starts: AttemptStart[]) =>
    inDistinctRounds(starts, (start) => start.runId.toLowerCase(), (round) => startRunAttempts(this.sql, round)),
  );
  private readonly records = new TurnBatch((works: RecordWork[]) => this.recordTogether(works));

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly options: RegistryRunLedgerOptions = { groupRecords: false },
  ) {}

  async find(runId: string, actionId: string): Promise<FoundRun | null> {
    // Ids that cannot name anything are answered here: one of them would fail the whole batch's statement.
    if (!UUID.test(runId) || !UUID.test(actionId)) return null;
    return this.finds.submit({ runId, actionId });
  }

  async open(request: RunRequestContext, found?: FoundRun | null): Promise<OpenedRun> {
    let run: Run | null = found ? found.run : null;
    if (!found && request.runId) run = await getRun(this.sql, request.runId).catch(ignoreNotFound);
    // A message without a run (schedule, subscription), or whose run was deleted: the run keyed by the message.
    run ??= await ensureRunForMessage(this.sql, {
      messageId: request.messageId,
      actionId: request.actionId,
      input: request.input,
      trigger: request.trigger,
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

  async beginAttempt(runId: string, attempt: number): Promise<void> {
    if (!(await this.attemptStarts.submit({ runId, attempt, startedAt: this.clock.now() }))) throw new NotFoundError('run', runId);
  }

  async record<T>(work: (recorder: RunRecorder) => Promise<T>): Promise<T> {
    if (!this.options.groupRecords) return this.recordAlone(work);
    const outcome = await this.records.submit(work);
    if ('error' in outcome) throw outcome.error;
    return outcome.value as T;
  }

  private recordAlone<T>(work: (recorder: RunRecorder) => Promise<T>): Promise<T> {
    return inPipelinedTransaction(this.sql, (tx) => work(this.recorder(tx as unknown as TransactionSql)));
  }

  /**
   * The works of one turn in ONE transaction: one `begin`, their statements pipelined on
   * one connection, one durable commit; each caller is answered after that commit. When a
   * work throws (a lease lost, say) nothing of the group is kept: the transaction rolls
   * back and every work is recorded again in a transaction of its own, as if alone, so
   * one failure never fails or loses another's settle. A failed commit fails them all,
   * as it would have failed each (whether it happened is unknown, so nothing is redone).
   */
  private async recordTogether(works: RecordWork[]): Promise<RecordOutcome[]> {
    const alone = (work: RecordWork) => this.recordAlone(work).then((value): RecordOutcome => ({ value }), (error: unknown): RecordOutcome => ({ error }));
    if (works.length === 1) return [await alone(works[0]!)];
    try {
      const { values } = await inPipelinedTransaction(this.sql, async (tx) => {
        const recorder = this.recorder(tx as unknown as TransactionSql);
        const settled = await Promise.allSettled(works.map((work) => work(recorder)));
        if (settled.some((result) => result.status === 'rejected')) throw new GroupRolledBack();
        return { values: settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) };
      });
      return values.map((value) => ({ value }));
    } catch (error) {
      if (!(error instanceof GroupRolledBack)) return works.map(() => ({ error }));
    }
    return Promise.all(works.map(alone));
  }

  /** The writes of one transaction; the runs it ends in one turn are ended by one statement. */
  private recorder(tx: TransactionSql): RunRecorder {
    const clock = this.clock;
    const ends = new TurnBatch((batch: RunEnding[]) => inDistinctRounds(batch, (end) => end.runId.toLowerCase(), (round) => endRunsWithAttempts(tx, round)));
    return {
      tx,
      finishAttempt: (runId, attempt, result: AttemptResult) =>
        finishRunAttempt(tx, runId, attempt, {
          finishedAt: clock.now(),
          outcome: result.outcome,
          httpStatus: result.httpStatus,
          error: result.error ?? undefined,
          response: result.response ?? undefined,
        }),
      markRetrying: (runId) => markRunRetrying(tx, runId),
      finish: (runId, status: FinalRunStatus, outcome) =>
        completeRunOnce(tx, runId, { status, finishedAt: clock.now(), response: outcome.response, error: outcome.error }),
      end: (runId, status: FinalRunStatus, outcome, attempt, ending: AttemptEnding) =>
        ends.submit({
          runId,
          attempt,
          completion: { status, finishedAt: clock.now(), response: outcome.response, error: outcome.error },
          ending: {
            httpStatus: ending.httpStatus,
            response: ending.response ?? undefined,
            ifEnded: { outcome: ending.ifEnded.outcome, error: ending.ifEnded.error ?? undefined },
            ifAlreadyEnded: { outcome: ending.ifAlreadyEnded.outcome, error: ending.ifAlreadyEnded.error ?? undefined },
          },
        }),
      recordPolledItems: (actionId, items, snapshot) => recordPolledItems(tx, actionId, items, { snapshot, now: clock.now() }),
    };
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

export interface RegistryRunLedgerOptions {
  /**
   * Record the works of one event-loop turn in one transaction (see recordTogether).
   * Only with the PostgreSQL broker, whose settles are statements of the transaction:
   * RabbitMQ's settles "within" a transaction wait for its commit and are made after it,
   * so a shared transaction saves them nothing but commits (not measured there).
   */
  groupRecords: boolean;
}

type RecordWork = (recorder: RunRecorder) => Promise<unknown>;
type RecordOutcome = { value: unknown } | { error: unknown };

/** A work of a group failed: the group's transaction is rolled back and each work is recorded alone. */
class GroupRolledBack extends Error {
  constructor() {
    super('a work of the group failed; the group is recorded again, each work alone');
    this.name = 'GroupRolledBack';
  }
}

function ignoreNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
