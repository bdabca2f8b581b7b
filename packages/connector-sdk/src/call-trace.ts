import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Continues the runner's trace in the connector: the handler runs inside a server span
 * whose parent is the `traceparent` the runner sent, so the connector's own spans (its
 * calls to the foreign API, if instrumented) join the run's trace. It uses the
 * OpenTelemetry API only: spans are recorded when the connector's process registered an
 * OpenTelemetry SDK (e.g. `startTracing` of @interflow/core, or the SDK's own setup), and
 * cost nothing otherwise.
 */
export async function inCallSpan<T>(
  headers: Record<string, string | string[] | undefined>,
  service: string,
  method: string,
  handle: () => Promise<T>,
): Promise<T> {
  const carrier: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) {
    const value = headers[name];
    if (typeof value === 'string') carrier[name] = value;
  }
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  const span = trace.getTracer('@interflow/connector-sdk').startSpan(
    `connector ${service}.${method}`,
    { kind: SpanKind.SERVER, attributes: { 'interflow.service': service, 'interflow.method': method } },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), handle);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
