import { brokerConfigShape } from '@interflow/broker-select';
import path from 'node:path';
import { z } from 'zod';
import { baseConfigShape, intVar } from '@interflow/core';
import { secretKeyConfigShape } from '@interflow/registry';
import { outboundConfigShape } from '@interflow/outbound';

/** The api's environment: the shared base plus its own variables. */
export const apiConfigSchema = z.object({
  ...baseConfigShape,
  ...brokerConfigShape,
  ...secretKeyConfigShape,
  /** Private, loopback or link-local addresses connectors may be reached at (none by default). */
  ...outboundConfigShape,
  PORT: intVar(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /**
   * The bootstrap admin token. Unset: one is generated and printed once, on the first
   * start of the installation.
   */
  INTERFLOW_ADMIN_TOKEN: z.string().min(32, { message: 'expected at least 32 characters' }).optional(),
  /** Largest accepted request body, in the `bytes` notation express uses (e.g. 1mb). */
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, { message: 'expected a size like 512kb or 1mb' }).default('1mb'),
  /** The built dashboard (apps/dashboard/dist), served under /ui. */
  DASHBOARD_DIR: z.string().min(1).default(path.resolve(__dirname, '..', '..', 'dashboard', 'dist')),
  /** Pause between heartbeat comments on an idle event stream (`GET /v1/events`). */
  EVENTS_HEARTBEAT_MS: intVar(15_000, 1000, 300_000),
  /** How often each api instance reads the event log while a stream is open. */
  EVENTS_POLL_INTERVAL_MS: intVar(250, 20, 60_000),
  /** Queue depth events are sent at most this often. */
  EVENTS_DEPTH_INTERVAL_MS: intVar(2000, 100, 600_000),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
