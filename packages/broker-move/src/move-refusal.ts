import type { ConsumerInfo } from '@interflow/broker';

/** A consumer that heartbeated within this is alive (consumers heartbeat every 5 s). */
export const CONSUMER_ALIVE_MS = 15_000;

export interface BrokerActivity {
  /** The PostgreSQL broker's consumer registry. */
  postgresConsumers: ConsumerInfo[];
  /** PostgreSQL messages held by a consumer (after lapsed leases were returned). */
  leasedMessages: number;
  /** Consumers RabbitMQ counts on the queues. */
  rabbitmqConsumers: number;
  now: number;
}

/**
 * Why the move may not start now, or null. A message a consumer holds cannot be moved
 * (its settle would race the move: lost or doubled), so the move refuses while anything
 * consumes; the operator stops the runners first (docs/decisions.md, the broker move).
 */
export function moveRefusal(activity: BrokerActivity): string | null {
  const live = activity.postgresConsumers.filter((consumer) => activity.now - consumer.heartbeatAt.getTime() < CONSUMER_ALIVE_MS);
  const reasons: string[] = [];
  if (live.length > 0) {
    const who = [...new Set(live.map((consumer) => `${consumer.host}:${consumer.pid}`))].join(', ');
    reasons.push(`${live.length} consumer(s) are consuming from the PostgreSQL broker (${who})`);
  }
  if (activity.leasedMessages > 0) reasons.push(`${activity.leasedMessages} PostgreSQL message(s) are held by consumers`);
  if (activity.rabbitmqConsumers > 0) reasons.push(`${activity.rabbitmqConsumers} consumer(s) are consuming from RabbitMQ`);
  if (reasons.length === 0) return null;
  return `the move needs idle brokers: ${reasons.join('; ')}. Stop the runners (and every other consumer) and run it again.`;
}
