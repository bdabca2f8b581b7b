import type { ConsumeOptions } from '@interflow/broker';
import { ValidationError } from '@interflow/core';

/** A consumer's settings with the contract's defaults filled in. */
export interface ConsumerSettings {
  concurrency: number;
  /** Deliveries held beyond the running handlers; the AMQP channel's prefetch is concurrency + prefetch. */
  prefetch: number;
  leaseMs: number | null;
  consumerName: string;
}

/** The contract's consume options, checked (a 400 names the field) and defaulted: concurrency 1, prefetch = concurrency. */
export function consumerSettings(options: ConsumeOptions, defaultName: string): ConsumerSettings {
  const concurrency = options.concurrency ?? 1;
  const prefetch = options.prefetch ?? concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError('concurrency must be a positive integer', [{ field: 'concurrency', message: 'must be a positive integer' }]);
  if (!Number.isInteger(prefetch) || prefetch < 0) throw new ValidationError('prefetch must be a non-negative integer', [{ field: 'prefetch', message: 'must be a non-negative integer' }]);
  return { concurrency, prefetch, leaseMs: options.leaseMs ?? null, consumerName: options.consumerName ?? defaultName };
}
