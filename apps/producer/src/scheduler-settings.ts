/** The scheduler's tunables (from the producer's configuration). */
export interface SchedulerSettings {
  /** Most schedules claimed by one transaction. */
  batchSize: number;
  /** Transactions a pass runs at once (each claims its own schedules, SKIP LOCKED). */
  concurrency: number;
  /** A fire due at most this long ago is published; older ones follow the missed-fire policy. */
  misfireGraceMs: number;
  /** Most fires of one schedule handled per pass (a backfill continues on the next pass). */
  maxFiresPerSchedule: number;
  /** Longest sleep between passes: bounds the delay of buffered fires and clock jumps. */
  idleWakeMs: number;
  /** A schedule whose publish failed is retried after this. */
  failureRetryMs: number;
}

export const defaultSchedulerSettings: SchedulerSettings = {
  batchSize: 1000,
  concurrency: 2,
  misfireGraceMs: 15_000,
  maxFiresPerSchedule: 1000,
  idleWakeMs: 1000,
  failureRetryMs: 5000,
};
