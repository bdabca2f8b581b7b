import type { DeliveryRef } from '@interflow/broker';
import type { ConsumerStatement, ConsumerStatementResult } from './claim-sql';
import type { Settler } from './delivery-control';

/** What a consumer needs from its broker (the PostgreSQL one, or a fake in unit tests). */
export interface ConsumerBackend extends Omit<Settler, 'ack'> {
  /**
   * Acks, records hand-overs and, when asked, claims: one statement. Answers the ids
   * acked and handed over (the others were stale or lapsed) and the new deliveries.
   */
  settleAndClaim(queue: string, statement: ConsumerStatement): Promise<ConsumerStatementResult>;
  /** Extends the leases of held deliveries by the lease each was claimed with; answers the new deadlines of those kept. */
  keepLeases(refs: DeliveryRef[], leaseMs: number | null): Promise<Map<string, Date>>;
  release(queue: string, refs: DeliveryRef[]): Promise<void>;
  subscribe(queue: string, listener: () => void): () => void;
  register(consumer: ConsumerRegistration): Promise<void>;
  heartbeat(consumer: ConsumerRegistration): Promise<void>;
  deregister(id: string): Promise<void>;
}

export interface ConsumerRegistration {
  id: string;
  queue: string;
  name: string;
  concurrency: number;
  prefetch: number;
}

export interface ConsumerTiming {
  /** Claim again after this long without a wake-up (the fallback when NOTIFY is lost). */
  pollIntervalMs: number;
  heartbeatIntervalMs: number;
}
