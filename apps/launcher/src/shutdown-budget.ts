/**
 * How `npm start` splits its SHUTDOWN_GRACE_MS on SIGTERM: the daemons drain first, in
 * parallel, then the embedded PostgreSQL stops; both must fit in the launcher's grace.
 * - daemonGraceMs: passed to each daemon as its SHUTDOWN_GRACE_MS (a daemon overrunning
 *   it exits 1 one second later on its own);
 * - killAfterMs: the launcher SIGKILLs a daemon still running after this;
 * - runnerDrainMs: the runner's RUNNER_DRAIN_GRACE_MS when the operator set none (it
 *   must stay below the runner's own grace).
 * What is left after killAfterMs is the database's share.
 */
export interface ShutdownBudget {
  daemonGraceMs: number;
  killAfterMs: number;
  runnerDrainMs: number;
}

export function shutdownBudget(graceMs: number): ShutdownBudget {
  const databaseShare = Math.min(5_000, Math.max(2_000, Math.floor(graceMs / 4)));
  const killAfterMs = Math.max(1_500, graceMs - databaseShare);
  const daemonGraceMs = killAfterMs - 1_000;
  return { daemonGraceMs, killAfterMs, runnerDrainMs: Math.floor((daemonGraceMs * 2) / 3) };
}
