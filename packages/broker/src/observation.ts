/**
 * What a broker tells about itself beyond publishing and consuming: where messages are,
 * queue gauges, live consumers, and its own chores (part of the Broker contract).
 */
import type { DeathRecord } from './broker';

/** Depth and age of one queue, as gauges, the overview and the live stream show it. */
export interface QueueGauge {
  queue: string;
  ready: number;
  delayed: number;
  inFlight: number;
  /** Seconds the oldest claimable message has waited since it became visible; 0 when none waits. */
  oldestReadyAgeSeconds: number;
  /** Messages that died in this queue and sit in its dead-letter queue. */
  deadLetters: number;
}

/** A consumer as the broker knows it (heartbeats keep it listed while it lives). */
export interface ConsumerInfo {
  id: string;
  queue: string;
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  prefetch: number;
  startedAt: Date;
  heartbeatAt: Date;
}

/**
 * Where a published message is now. Absent from `locateMessages`' answer: settled (acked),
 * purged, expired without a dead-letter queue, or never stored.
 */
export type MessageWhereabouts = { state: 'waiting' } | { state: 'dead'; death: DeathRecord | null };

export interface HousekeepingOptions {
  /** At most this many messages per chore and call; call again while a count reaches it. */
  limit: number;
  /** Also drop old history (rates, silent consumers) older than these. */
  prune?: { rateRetentionMs: number; consumerSilenceMs: number };
}

export interface HousekeepingCounts {
  /** Messages past their TTL, dead-lettered or dropped. */
  expired: number;
  /** Deliveries whose lease lapsed, made claimable again. */
  returnedLeases: number;
  pruned: number;
}
