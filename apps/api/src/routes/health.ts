import { Router } from 'express';
import { type MetricsRegistry, type ReadinessReport } from '@interflow/core';

/** `/healthz` (alive), `/readyz` (database and migrations; 503 otherwise), `/metrics`. */
export function healthRoutes(deps: { readiness: () => Promise<ReadinessReport>; metrics: MetricsRegistry }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await deps.readiness();
    res.status(report.ready ? 200 : 503).json(report);
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
  return router;
}
