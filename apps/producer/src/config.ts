import { z } from 'zod';
import { baseConfigShape, intVar } from '@interflow/core';

/** The producer's environment: the shared base plus its own variables. */
export const producerConfigSchema = z.object({
  ...baseConfigShape,
  /** Port of the small health/metrics server. */
  HEALTH_PORT: intVar(3001, 0, 65535),
});

export type ProducerConfig = z.infer<typeof producerConfigSchema>;
