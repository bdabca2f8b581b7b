/**
 * Promises an implementation knowingly keeps otherwise. Each entry says, in a sentence
 * its documentation repeats, what holds instead; the suite then tests that behaviour in
 * place of the promise, so a difference is never a silent gap. An implementation that
 * declares nothing is held to every promise.
 */
export interface DocumentedDifferences {
  /**
   * locateMessages follows only messages published within a transaction (publishWithin):
   * a plain publish's id is answered as waiting, whether the message is still there or
   * not (as is an unissued id that looks like one). An id never issued is otherwise absent.
   */
  locatesOnlyMessagesPublishedWithin?: string;
  /**
   * A delivery whose lease lapsed goes back to the queue with its attempt counted and
   * marked recovered, whether or not a handler had started on it.
   */
  lapsedLeaseAlwaysCountsAttempt?: string;
  /**
   * Expiry and lapsed leases are not housekeeping's chores (the server expires messages,
   * the broker returns lapsed leases itself): housekeep counts neither, and the suite
   * waits for their effect alone.
   */
  choresNotCountedByHousekeep?: string;
  /**
   * A server interruption cannot be staged in the test environment (the server is
   * shared); the suite then checks that a closed broker refuses to publish instead.
   */
  noServerInterruptionInTests?: string;
  /** A settle within a transaction (ackWithin, nackWithin, rejectWithin) is made after the commit, not in it. */
  settlesWithinMadeAfterCommit?: string;
  /** Only the process that holds a delivery may settle it; another process's settle is refused as stale. */
  settlesOnlyInHoldingProcess?: string;
  /** A retry or dead letter is a copy of the message followed by the ack of the original, not an update in place. */
  retriesCopyThenAck?: string;
  /** maxLength and overflow are fixed when the queue is created: changing them is a ConflictError. */
  queueLengthFixedAtCreation?: string;
  /** maxLength counts ready messages only: held (in-flight) ones leave room. */
  maxLengthCountsReadyOnly?: string;
  /** A batch that meets a full reject_publish queue fails, but copies for other queues may have been stored. */
  fullQueueBatchMayStoreOtherCopies?: string;
  /** The dedupe key of a message that overflowed (or expired) stays taken until the queue is purged. */
  dedupeKeyKeptUntilPurge?: string;
  /** A delayed message whose TTL ends during its delay expires when the delay ends (dead-lettered, never handed over). */
  delayedMessageExpiresAfterItsDelay?: string;
  /** Delays are rounded up (to two significant digits): never early, sometimes later. */
  delayRoundedUp?: string;
  /** peek shows ready messages only, not delayed ones. */
  peekShowsReadyOnly?: string;
  /** queueStats.inFlight counts other processes' deliveries as of their last heartbeat. */
  inFlightOfOtherProcessesAsOfHeartbeat?: string;
  /** queueStats.dead counts every message in the dead-letter queue, whichever queue it died in. */
  deadCountsWholeDeadLetterQueue?: string;
}

export type DifferenceName = keyof DocumentedDifferences;

/** Titles a test by the difference it checks instead of the promise. */
export function differenceTitle(promise: string, differences: DocumentedDifferences, name: DifferenceName): string {
  const explanation = differences[name];
  return explanation ? `${promise} — documented difference: ${explanation}` : promise;
}
