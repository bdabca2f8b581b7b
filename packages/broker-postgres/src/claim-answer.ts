/**
 * What a consumer learns about its queue from the answer to a claim, its own or one a
 * publish statement made for it (local-delivery.ts), decided from counts alone (pure,
 * tested as a table):
 * - a claim that came back full (as many as asked for) leaves a backlog behind: the
 *   queue is not empty, and the consumer claims for itself (bigger claims, two in
 *   flight) until a claim of its own comes back short;
 * - a short claim took everything claimable its statement saw. The queue looks empty
 *   only if no wake-up came while it was in flight: a message committed after the
 *   statement's snapshot would otherwise wait for the poll interval. Otherwise what the
 *   consumer believed stays (a wake-up set it to non-empty already).
 */
export interface ClaimAnswer {
  /** Deliveries asked for. */
  asked: number;
  /** Deliveries the claim brought. */
  got: number;
  /** Wake-ups were heard between the claim's sending and its answer. */
  wokenMeanwhile: boolean;
}

export interface ClaimLesson {
  backlogSeen: boolean;
  /** true or false: the queue now looks so; null: as the consumer believed. */
  queueLooksEmpty: boolean | null;
  /** The claim came back short (the consumer paces its next claim from now). */
  short: boolean;
}

export function lessonOfClaim(answer: ClaimAnswer): ClaimLesson {
  if (answer.got >= answer.asked) return { backlogSeen: true, queueLooksEmpty: false, short: false };
  return { backlogSeen: false, queueLooksEmpty: answer.wokenMeanwhile ? null : true, short: true };
}
