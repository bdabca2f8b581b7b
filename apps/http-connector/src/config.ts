import { z } from 'zod';
import { intVar } from '@interflow/core';
import { outboundConfigShape } from '@interflow/outbound';

/** The HTTP connector's environment. It needs no database: deployments arrive with each call. */
export const httpConnectorConfigSchema = z.object({
  HTTP_CONNECTOR_PORT: intVar(4200, 0, 65535),
  HTTP_CONNECTOR_HOST: z.string().default('127.0.0.1'),
  /** The signing secret the `http` service was registered with; calls signed otherwise are refused. */
  CONNECTOR_SIGNING_SECRET: z.string().min(16, { message: 'expected at least 16 characters' }),
  /** Largest answer read from an API, per page (bytes). An operation may lower it. */
  HTTP_CONNECTOR_MAX_RESPONSE_BYTES: intVar(10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  /** Private addresses the APIs may be at (none by default). */
  ...outboundConfigShape,
  LOG_LEVEL: z.string().default('info'),
});
