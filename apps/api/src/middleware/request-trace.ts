import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { contextFromHeaders, isTracing } from '@interflow/core';
import { loggablePath } from './request-context';

/**
 * Starts a trace at each request (or continues the caller's, from its `traceparent`):
 * everything the request does, the run it queues included, happens inside this span.
 * Named by route pattern, never by the path (webhook paths carry their secret).
 */
export function requestTrace() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isTracing()) return next();
    const parent = contextFromHeaders(req.headers as Record<string, unknown>, ROOT_CONTEXT);
    const span = trace.getTracer('interflow-api').startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': loggablePath(req.path) } },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.on('finish', end);
    res.on('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
