import path from 'node:path';
import { z } from 'zod';
import { baseConfigShape, boolVar, intVar } from '@interflow/core';

/** Root of the checkout (apps/launcher/dist/.. /.. /..). */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * `npm start`'s environment. DATABASE_URL is optional here: without it an embedded
 * PostgreSQL runs with its data under DATA_DIR. Every other variable is passed on to
 * the daemons, so they are configured exactly as when they run alone.
 */
export const launcherConfigSchema = z.object({
  ...baseConfigShape,
  DATABASE_URL: baseConfigShape.DATABASE_URL.optional(),
  /** Passed to api and runner; generated into DATA_DIR/secret-key when unset. */
  INTERFLOW_SECRET_KEY: z.string().optional(),
  /** Passed on to api and runner as is; the launcher also opens stored connector signing secrets with it. */
  INTERFLOW_SECRET_KEY_SECONDARY: z.string().optional(),
  /**
   * Passed to the daemons that call out. `npm start` runs every connector on this
   * machine, so it allows loopback (and only loopback) unless told otherwise; a daemon
   * started alone allows nothing private.
   */
  INTERFLOW_OUTBOUND_ALLOW: z.string().default('127.0.0.1,::1'),
  DATA_DIR: z.string().default(path.join(REPOSITORY_ROOT, '.data')),
  EMBEDDED_POSTGRES_PORT: intVar(54329, 1, 65535),
  /** How long a start waits for a PostgreSQL still running on DATA_DIR/postgres (a previous start stopping). */
  EMBEDDED_POSTGRES_WAIT_MS: intVar(30_000, 0, 600_000),
  PORT: intVar(3000, 0, 65535),
  PRODUCER_HEALTH_PORT: intVar(3001, 0, 65535),
  RUNNER_HEALTH_PORT: intVar(3002, 0, 65535),
  /** Run the built-in HTTP connector and register it as the service `http`. */
  HTTP_CONNECTOR: boolVar(true),
  HTTP_CONNECTOR_PORT: intVar(4200, 1, 65535),
  /**
   * Passed to the runner; by default a share of SHUTDOWN_GRACE_MS (see shutdown-budget.ts).
   * No default of its own: zod 4 applies a default inside `.optional()`, which made an
   * unset variable 0 and the runner abandon its calls at once on SIGTERM.
   */
  RUNNER_DRAIN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /** Also run the example connector and its fake orders API, and register them (service, deployment, action, schedule). */
  EXAMPLE: boolVar(true),
  EXAMPLE_CONNECTOR_PORT: intVar(4000, 1, 65535),
  FAKE_ORDERS_API_PORT: intVar(4100, 1, 65535),
  /** How often the example schedule runs the example action. */
  EXAMPLE_SCHEDULE_EVERY_MS: intVar(10_000, 1000, 86_400_000),
});

export type LauncherConfig = z.infer<typeof launcherConfigSchema>;
