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
}

export type DifferenceName = keyof DocumentedDifferences;

/** Titles a test by the difference it checks instead of the promise. */
export function differenceTitle(promise: string, differences: DocumentedDifferences, name: DifferenceName): string {
  const explanation = differences[name];
  return explanation ? `${promise} — documented difference: ${explanation}` : promise;
}
