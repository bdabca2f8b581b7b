import { z } from 'zod';
import { baseConfigShape, intVar } from '@interflow/core';

/** The runner's environment: the shared base plus its own variables. */
export const runnerConfigSchema = z.object({
  ...baseConfigShape,
  /** Port of the small health/metrics server. */
  HEALTH_PORT: intVar(3002, 0, 65535),
});

export type RunnerConfig = z.infer<typeof runnerConfigSchema>;
