import express from 'express';
import type { Logger, MetricsRegistry, ReadinessReport, Sql } from '@interflow/core';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { requestContext } from './middleware/request-context';
import { healthRoutes } from './routes/health';

/** Everything the api needs, built by main.ts (or by a test). */
export interface ApiDependencies {
  sql: Sql;
  logger: Logger;
  metrics: MetricsRegistry;
  readiness(): Promise<ReadinessReport>;
  /** Largest accepted JSON body, e.g. '1mb'. */
  bodyLimit: string;
}

/** Builds the express app: no listening, no environment reading. */
export function createServer(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(express.json({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(healthRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
