import { z } from 'zod';
import { tracingConfigShape } from '../tracing/tracing-config';

/** A whole number from an environment variable, with bounds. */
export function intVar(defaultValue: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

/** `true`/`false`/`1`/`0`/`yes`/`no` from an environment variable. */
export function boolVar(defaultValue: boolean) {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

const postgresUrl = z
  .string()
  .url({ message: 'expected a URL like postgres://user:pass@host:5432/db' })
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'expected a postgres:// or postgresql:// URL' });

/** Variables every daemon reads. */
export const baseConfigShape = {
  DATABASE_URL: postgresUrl,
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'expected a lower-case SQL identifier' })
    .default('interflow'),
  DATABASE_POOL_SIZE: intVar(10, 1, 500),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('info'),
  SHUTDOWN_GRACE_MS: intVar(30_000, 0, 3_600_000),
  /** OpenTelemetry tracing, off unless these ask for it (docs/observability.md). */
  ...tracingConfigShape,
};

export const baseConfigSchema = z.object(baseConfigShape);
export type BaseConfig = z.infer<typeof baseConfigSchema>;
