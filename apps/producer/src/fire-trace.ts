import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { type Publication } from '@interflow/broker';
import { isTracing, traceHeaders } from '@interflow/core';

/**
 * Each schedule fire starts a trace of its own: a `schedule fire` span whose context
 * travels in the fire's message headers (`traceparent`), so the run it triggers
 * continues it. The span covers the publish; the caller ends it once the fire's
 * transaction is decided. Without tracing, publications pass through untouched.
 */
export function traceFires(fires: { publication: Publication; scheduleId: string; fireTime: Date }[]): {
  publications: Publication[];
  end(failed?: boolean): void;
} {
  if (!isTracing()) return { publications: fires.map((fire) => fire.publication), end: () => undefined };
  const tracer = trace.getTracer('interflow-producer');
  const spans: Span[] = [];
  const publications = fires.map(({ publication, scheduleId, fireTime }) => {
    const span = tracer.startSpan(
      'schedule fire',
      { kind: SpanKind.PRODUCER, root: true, attributes: { 'interflow.schedule.id': scheduleId, 'interflow.fire_time': fireTime.toISOString() } },
      ROOT_CONTEXT,
    );
    spans.push(span);
    const headers = { ...(publication.message.headers ?? {}), ...traceHeaders(trace.setSpan(ROOT_CONTEXT, span)) };
    return { ...publication, message: { ...publication.message, headers } };
  });
  return {
    publications,
    end(failed = false) {
      for (const span of spans) {
        if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },
  };
}
