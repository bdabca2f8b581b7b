import type { Broker } from '@interflow/broker';
import type { OutboundFetch } from '@interflow/outbound';
import express from 'express';
import { type Clock, type Logger, type MetricsRegistry, type ReadinessReport, type Sql } from '@interflow/core';
import { runRequestKeys, type SecretKeyring } from '@interflow/registry';
import { authenticate } from './http/authenticate';
import type { ConnectionDrain } from './http/connection-drain';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { requestContext } from './middleware/request-context';
import { requestLineGuard } from './middleware/request-line-guard';
import { requestTrace } from './middleware/request-trace';
import { actionRoutes } from './routes/actions';
import { actionRunRoutes } from './routes/action-runs';
import { actionStateRoutes } from './routes/action-states';
import { actionSubscriptionRoutes } from './routes/action-subscriptions';
import { deploymentRoutes } from './routes/deployments';
import { healthRoutes } from './routes/health';
import { openApiRoutes } from './routes/openapi';
import { scheduleRoutes } from './routes/schedules';
import { runRoutes } from './routes/runs';
import { serviceRoutes } from './routes/services';
import { serviceMethodImportRoutes } from './routes/service-method-import';
import { tokenRoutes } from './routes/tokens';
import { bindingRoutes } from './routes/bindings';
import { exchangeRoutes } from './routes/exchanges';
import { queueRoutes } from './routes/queues';
import { consumerRoutes } from './routes/consumers';
import { applySetRoutes } from './routes/apply-sets';
import { webhookRoutes } from './routes/webhooks';
import { QueuedRunWriter } from './triggering/queued-run-writer';
import { WebhookTargetReader } from './triggering/webhook-target-reader';
import { eventRoutes } from './routes/events';
import { dashboardRoutes } from './routes/dashboard';
import { overviewRoutes } from './routes/overview';
import { recipientRoutes } from './routes/recipients';
import { notificationRoutes } from './routes/notifications';
import { inboxRoutes } from './routes/inbox';
import type { EventHub } from './events/event-hub';
import type { RunReplies } from './triggering/run-replies';
import { createTriggerMetrics } from './triggering/trigger-metrics';

/** Everything the api needs, built by main.ts (or by test/support/test-api.ts). */
export interface ApiDependencies {
  sql: Sql;
  logger: Logger;
  metrics: MetricsRegistry;
  clock: Clock;
  /** The message broker: exchanges, queues, bindings, publishing, consumers. */
  broker: Broker;
  readiness(): Promise<ReadinessReport>;
  /** Largest accepted JSON body, e.g. '1mb'. */
  bodyLimit: string;
  /** Seals and opens deployment credentials and service signing secrets. */
  keyring: SecretKeyring;
  /** This instance's reply queue, started by the caller (`?wait=` on triggers). */
  replies: RunReplies;
  /** fetch under the outbound policy: how the api reaches connectors (methods import). */
  fetch: OutboundFetch;
  /** Ends keep-alive connections and refuses new work once shutdown begins (main.ts; tests may omit it). */
  drain?: ConnectionDrain;
  /** The event streams of this instance (`GET /v1/events`). */
  events: EventHub;
  /** Pause between heartbeat comments on an idle event stream. */
  eventHeartbeatMs: number;
  /** The built dashboard served under /ui; null: none. */
  dashboardDir: string | null;
}

/**
 * Builds the express app: no listening, no environment reading. Routers define full
 * paths (`/v1/tokens/:id`) and are mounted at the root, so the OpenAPI coverage test can
 * read every route from the router stack.
 */
export function createServer(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.drain) app.use(deps.drain.middleware);
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(healthRoutes(deps));
  app.use(openApiRoutes());
  // The edge: what no route could read faithfully is refused here, before any route runs.
  app.use(requestLineGuard());
  app.use(jsonBody({ limit: deps.bodyLimit }));
  // After the body is read: stream callbacks would otherwise run outside the request's trace context.
  app.use(requestTrace());
  const triggerDeps = {
    ...deps,
    triggerMetrics: createTriggerMetrics(deps.metrics),
    runRequestKeys: runRequestKeys(deps.keyring),
    runWriter: new QueuedRunWriter(deps.sql, deps.broker),
  };
  // Before authentication: a webhook's credential is its URL (see webhooks.ts).
  app.use(webhookRoutes({ ...triggerDeps, webhookTargets: new WebhookTargetReader(deps.sql) }));
  app.use(dashboardRoutes(deps.dashboardDir));
  app.use('/v1', authenticate(deps));
  app.use(tokenRoutes(deps));
  app.use(exchangeRoutes(deps));
  app.use(queueRoutes(deps));
  app.use(bindingRoutes(deps));
  app.use(consumerRoutes(deps));
  app.use(scheduleRoutes(deps));
  app.use(serviceRoutes(deps));
  app.use(deploymentRoutes(deps));
  app.use(
    actionRoutes({
      sql: deps.sql,
      ensureQueue: async (name) => void (await deps.broker.declareQueue({ name })),
      exchangeExists: async (name) => (await deps.broker.getExchange(name)) !== null,
    }),
  );
  app.use(actionStateRoutes(deps));
  app.use(actionSubscriptionRoutes(deps));
  app.use(serviceMethodImportRoutes(deps));
  app.use(applySetRoutes(deps));
  app.use(actionRunRoutes(triggerDeps));
  app.use(runRoutes(deps));
  app.use(overviewRoutes(deps));
  app.use(eventRoutes({ events: deps.events, heartbeatMs: deps.eventHeartbeatMs }));
  app.use(recipientRoutes(deps));
  app.use(notificationRoutes(deps));
  app.use(inboxRoutes({ ...deps, heartbeatMs: deps.eventHeartbeatMs }));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
