import type { Delivery } from '../broker';
import type { ConformanceSubject } from './harness';

/** The two calls most promises start with, made on the subject of the running section. */
export function subjectCalls(current: () => ConformanceSubject) {
  return {
    /** A mandatory publish to `queue` through the default exchange. */
    publish: (queue: string, payload: unknown, message: Record<string, unknown> = {}) =>
      current().broker.publish({ exchange: '', routingKey: queue, mandatory: true, message: { payload, ...message } }),
    /** Claims one delivery from `queue`; fails when there is none. */
    async claimOne(queue: string, leaseMs?: number): Promise<Delivery> {
      const [delivery] = await current().broker.claim(queue, { max: 1, leaseMs });
      if (!delivery) throw new Error(`nothing to claim in ${queue}`);
      return delivery;
    },
  };
}
