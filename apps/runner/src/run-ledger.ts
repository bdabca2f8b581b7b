import { type TransactionSql } from '@interflow/broker';
import { type ItemChange, type PolledItem, type Run, type RunRequestTrigger } from '@interflow/registry';

/**
 * The runner's view of run history (contract 3): the registry owns the tables, the
 * runner writes through this port (implemented over core's run-recording functions in
 * registry-run-ledger.ts). Every call is one attempt row; a run ends succeeded or failed
 * exactly once. How an attempt ended, how the run ended and the settle of its message
 * are written in ONE transaction (`record`): a runner killed half-way leaves neither.
 */

export type RunStatus = 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed';
export type FinalRunStatus = 'succeeded' | 'failed';
export type AttemptOutcome = 'succeeded' | 'failed' | 'retrying' | 'rate_limited';

export interface OpenedRun {
  runId: string;
  status: RunStatus;
  /** Calls made so far; the next attempt is number attempts + 1. */
  attempts: number;
  /** Set when the run already ended (a redelivery after a crash between recording and ack). */
  response: unknown;
  error: string | null;
}

/** How the attempt that ended a run is recorded: by whether the run was still open. */
export interface AttemptEnding {
  httpStatus: number | null;
  response: unknown;
  ifEnded: { outcome: AttemptOutcome; error: string | null };
  ifAlreadyEnded: { outcome: AttemptOutcome; error: string | null };
}

export interface AttemptResult {
  outcome: AttemptOutcome;
  httpStatus: number | null;
  error: string | null;
  response: unknown;
}

export interface RunRequestContext {
  runId: string | null;
  actionId: string;
  messageId: string;
  input: Record<string, unknown>;
  /** Why the run started, as the run request names it. */
  trigger: RunRequestTrigger;
  /** Who published the message (`schedule:<id>`, `action:<id>`...). */
  sender: string | null;
}

/** What `find` read: the run (null when it does not exist) and its action's current context stamp. */
export interface FoundRun {
  run: Run | null;
  contextStamp: string | null;
}

export interface RunLedger {
  /**
   * The run a message names and its action's context stamp (see ActionPlans.load), in one
   * read with no side effect; null when the ids cannot name anything (not uuids).
   */
  find(runId: string, actionId: string): Promise<FoundRun | null>;
  /**
   * The run this message is about: the given run id, or the run created for the message
   * id (created now on first sight, so a redelivery finds the same run). Closes an
   * attempt a dead runner left open. `found`, from `find` just before, spares reading the run again.
   */
  open(request: RunRequestContext, found?: FoundRun | null): Promise<OpenedRun>;
  /** Starts attempt `attempt` and marks the run running. */
  beginAttempt(runId: string, attempt: number): Promise<void>;
  /** Runs `work` in one transaction: what it records and the settle it makes on `recorder.tx` commit together or not at all. */
  record<T>(work: (recorder: RunRecorder) => Promise<T>): Promise<T>;
}

/** Writes inside one `record` transaction. */
export interface RunRecorder {
  /** The transaction, for the delivery's settle (`control.ackWithin(tx)`…) and the announcement. */
  tx: TransactionSql;
  finishAttempt(runId: string, attempt: number, result: AttemptResult): Promise<void>;
  /** The run waits for another attempt. */
  markRetrying(runId: string): Promise<void>;
  /** Ends the run; false when it had already ended (the first outcome stands: a run succeeds once). */
  finish(runId: string, status: FinalRunStatus, outcome: { response?: unknown; error?: string }): Promise<boolean>;
  /**
   * `finish` and `finishAttempt` as one write: ends the run unless it had ended, and
   * records the attempt as `ifEnded` or `ifAlreadyEnded` accordingly; true when this ended it.
   */
  end(runId: string, status: FinalRunStatus, outcome: { response?: unknown; error?: string }, attempt: number, ending: AttemptEnding): Promise<boolean>;
  /** A poller's items compared with the action's states and recorded; answers what changed (deletions only for a snapshot). */
  recordPolledItems(actionId: string, items: PolledItem[], snapshot: boolean): Promise<ItemChange[]>;
}
