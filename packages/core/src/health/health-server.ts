import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadinessReport } from '../db/readiness';
import type { MetricsRegistry } from '../metrics/metrics-registry';

export interface HealthServerOptions {
  port: number;
  host?: string;
  /** Called on each GET /readyz. */
  readiness: () => Promise<ReadinessReport>;
  metrics: MetricsRegistry;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The small HTTP server of the producer and the runner: `GET /healthz` (the process is
 * alive), `GET /readyz` (database reachable, migrations applied; 503 otherwise) and
 * `GET /metrics` (Prometheus text format).
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    void respond(options, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function respond(options: HealthServerOptions, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  try {
    if (req.method !== 'GET') return send(res, 405, { error: { code: 'method_not_allowed', message: 'only GET' } });
    if (path === '/healthz') return send(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const report = await options.readiness();
      return send(res, report.ready ? 200 : 503, report);
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': options.metrics.contentType });
      res.end(await options.metrics.metrics());
      return;
    }
    send(res, 404, { error: { code: 'not_found', message: `no route ${path}` } });
  } catch (error) {
    send(res, 500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
