import type { Envelope } from './envelope';
import type { TopologyCache } from './topology-cache';

/** The contract's default ack deadline, for a queue whose policy names none. */
const DEFAULT_LEASE_MS = 30_000;

/** How long a delivery is held: the consumer's or claim's lease, else the message's ack deadline, else its queue's, else 30 s. */
export async function leaseMsFor(topology: TopologyCache, envelope: Envelope, leaseMs: number | null): Promise<number> {
  if (leaseMs !== null) return leaseMs;
  if (envelope.meta.ackDeadlineMs !== null) return envelope.meta.ackDeadlineMs;
  return (await topology.recent()).policyOf(envelope.queue)?.ackDeadlineMs ?? DEFAULT_LEASE_MS;
}
