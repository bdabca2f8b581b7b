import { type DeliveryControl } from '@interflow/broker';
import { type Logger } from '@interflow/core';

/**
 * Keeps a delivery's lease alive during a long call: extends it by `leaseMs` every third
 * of a lease, so a slow connector does not make the message look abandoned and get
 * delivered to a second runner. A lost lease aborts `control.signal`, which the call
 * listens to. Returns the function that stops it.
 */
export function keepLeaseAlive(control: DeliveryControl, leaseMs: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    control.extendLease(leaseMs).catch((error: unknown) => {
      logger.warn('could not extend the lease', { error: error instanceof Error ? error.message : String(error) });
    });
  }, Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}
