/**
 * The runner's view of run history (contract 3): the registry owns the tables, the
 * runner writes through this. Every call is one attempt row; a run ends succeeded or
 * failed exactly once.
 */

export type RunStatus = 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed';
export type FinalRunStatus = 'succeeded' | 'failed';

export interface OpenedRun {
  runId: string;
  status: RunStatus;
  /** Set when the run already ended (a redelivery after a crash between recording and ack). */
  response: unknown;
  error: string | null;
}

export interface AttemptResult {
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
  response: unknown;
}

export interface RunLedger {
  /**
   * The run this message is about: the given run id, or the run created for the message
   * id (created now on first sight, so a redelivery finds the same run).
   */
  open(request: { runId: string | null; actionId: string; messageId: string; input: Record<string, unknown> }): Promise<OpenedRun>;
  /** Starts attempt n+1 of the run and marks it running; closes attempts a dead runner left open. */
  beginAttempt(runId: string): Promise<string>;
  finishAttempt(attemptId: string, result: AttemptResult): Promise<void>;
  /** The run waits for another attempt. */
  markRetrying(runId: string, error: string): Promise<void>;
  /** The run ended. */
  finish(runId: string, status: FinalRunStatus, outcome: { response?: unknown; error?: string }): Promise<void>;
}

export function isFinal(status: RunStatus): status is FinalRunStatus {
  return status === 'succeeded' || status === 'failed';
}
