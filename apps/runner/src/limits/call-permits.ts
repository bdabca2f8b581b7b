import { type Sql } from '@interflow/core';
import { releaseCallSlot, takeCallSlot } from './call-slots';
import type { KnownPauses } from './known-pauses';
import { takeRateToken } from './take-rate-token';
import { assertValidPolicy, type RateLimitPolicy } from './token-bucket';

export interface DeploymentLimits {
  rate: RateLimitPolicy | null;
  /** Calls to the deployment in flight at once across all runners; null: unlimited. */
  maxConcurrency: number | null;
}

/** Permission to make one call; release it when the call is over. */
export interface CallPermit {
  release(): Promise<void>;
}

/** The limits did not let the call through within the wait budget; try again later. */
export class LimitWaitExceeded extends Error {
  constructor(
    readonly retryInMs: number,
    readonly limit: 'rate' | 'concurrency' | 'pause',
  ) {
    super(
      limit === 'pause'
        ? 'the deployment asked to be left alone (Retry-After) for longer than the wait budget'
        : `the deployment's ${limit} limit did not let the call through in time`,
    );
    this.name = 'LimitWaitExceeded';
  }
}

/** Told of every call that had to wait for a limit (calls let through at once are not waits). */
export interface LimitWaitObserver {
  waited(limit: 'rate' | 'concurrency', outcome: 'passed' | 'gave_up' | 'aborted', seconds: number): void;
}

export interface CallPermitsOptions {
  sql: Sql;
  /** Identifies this runner's slots. */
  holderId: string;
  /** Longest a call waits in process for a token or slot; beyond it the message is put back. */
  maxWaitMs: number;
  /** The deployments' pauses, kept current by notifications (started by the caller). */
  pauses: KnownPauses;
  waits?: LimitWaitObserver;
}

const SLOT_POLL_MS = 100;

/**
 * Before each call: takes a call slot (concurrency limit), waits out a pause the
 * deployment asked for (Retry-After, shared by every runner and known to each without a
 * statement: known-pauses.ts), then takes a token (rate limit). Waits in process while
 * the wait is short, so a burst of messages flows at the limit's pace; gives up with
 * LimitWaitExceeded beyond `maxWaitMs`, and the runner returns the message to its queue
 * without using an attempt.
 */
export class CallPermits {
  constructor(private readonly options: CallPermitsOptions) {}

  async acquire(deploymentId: string, limits: DeploymentLimits, callTimeoutMs: number, signal: AbortSignal): Promise<CallPermit> {
    const deadline = Date.now() + this.options.maxWaitMs;
    const slot = limits.maxConcurrency
      ? await this.measured('concurrency', (refused) => this.takeSlot(deploymentId, limits.maxConcurrency!, callTimeoutMs, deadline, signal, refused))
      : null;
    const release = async () => {
      if (slot !== null) await releaseCallSlot(this.options.sql, deploymentId, slot, this.options.holderId);
    };
    try {
      // After the slot: a call that waited for the slot sees the pause its predecessor recorded (read with the slot).
      await this.waitOutPause(deploymentId, deadline, signal);
      const rate = limits.rate;
      if (rate) await this.measured('rate', (refused) => this.takeToken(deploymentId, rate, deadline, signal, refused));
    } catch (error) {
      await release();
      throw error;
    }
    return { release };
  }

  /** Runs one take; reports it as a wait when the limit refused it at least once. */
  private async measured<T>(limit: 'rate' | 'concurrency', take: (refused: () => void) => Promise<T>): Promise<T> {
    const started = Date.now();
    let waited = false;
    const report = (outcome: 'passed' | 'gave_up' | 'aborted') => {
      if (waited) this.options.waits?.waited(limit, outcome, (Date.now() - started) / 1000);
    };
    try {
      const result = await take(() => (waited = true));
      report('passed');
      return result;
    } catch (error) {
      report(error instanceof LimitWaitExceeded ? 'gave_up' : 'aborted');
      throw error;
    }
  }

  /** Records a connector's "come back later" for every runner: no call to the deployment before then. */
  async pause(deploymentId: string, ms: number): Promise<void> {
    await this.options.pauses.pause(deploymentId, ms);
  }

  private async waitOutPause(deploymentId: string, deadline: number, signal: AbortSignal) {
    for (;;) {
      const leftMs = this.options.pauses.leftMs(deploymentId);
      if (leftMs <= 0) return;
      if (Date.now() + leftMs > deadline) throw new LimitWaitExceeded(leftMs, 'pause');
      await sleep(leftMs + Math.random() * Math.min(50, leftMs), signal);
    }
  }

  private async takeSlot(
    deploymentId: string,
    limit: number,
    callTimeoutMs: number,
    deadline: number,
    signal: AbortSignal,
    refused: () => void,
  ) {
    // The slot outlives the longest possible call by a margin, then frees itself.
    const expiresInMs = callTimeoutMs + 30_000;
    for (;;) {
      const taken = await takeCallSlot(this.options.sql, deploymentId, limit, this.options.holderId, expiresInMs);
      if (taken !== null) {
        this.options.pauses.heard(deploymentId, taken.pauseLeftMs);
        return taken.slot;
      }
      refused();
      const pause = SLOT_POLL_MS / 2 + Math.random() * SLOT_POLL_MS;
      if (Date.now() + pause > deadline) throw new LimitWaitExceeded(1_000, 'concurrency');
      await sleep(pause, signal);
    }
  }

  private async takeToken(deploymentId: string, policy: RateLimitPolicy, deadline: number, signal: AbortSignal, refused: () => void) {
    assertValidPolicy(policy);
    for (;;) {
      const result = await takeRateToken(this.options.sql, deploymentId, policy);
      if (result.granted) return;
      refused();
      // A little jitter so runners that were refused together do not retry together.
      const pause = result.retryInMs + Math.random() * Math.min(50, result.retryInMs);
      if (Date.now() + pause > deadline) throw new LimitWaitExceeded(result.retryInMs, 'rate');
      await sleep(pause, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
