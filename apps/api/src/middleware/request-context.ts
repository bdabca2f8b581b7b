import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { type Logger, type MetricsRegistry } from '@interflow/core';

declare module 'express-serve-static-core' {
  interface Request {
    /** From `X-Request-Id` when the caller sent a sane one, else generated. Echoed back. */
    requestId: string;
    /** The api logger scoped to this request's id. */
    log: Logger;
  }
}

/** The path as logged: webhook paths carry their secret, which never reaches a log line. */
export function loggablePath(path: string): string {
  return path.replace(/^\/v1\/hooks\/[^/]+/, '/v1/hooks/[redacted]');
}

/**
 * Gives every request an id and a scoped logger, logs one line when it finishes and
 * observes its duration by route.
 */
export function requestContext(logger: Logger, metrics: MetricsRegistry) {
  const duration = new Histogram({
    name: 'interflow_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [metrics],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    req.requestId = given && /^[\w.-]{1,128}$/.test(given) ? given : crypto.randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('x-request-id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      duration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (req.path !== '/healthz' && req.path !== '/readyz' && req.path !== '/metrics' && req.log.isLevelEnabled('http')) {
        req.log.http('request', {
          method: req.method,
          path: loggablePath(req.path),
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
        });
      }
    });
    next();
  };
}
