import { context, SpanKind, trace } from '@opentelemetry/api';
import { isTracing, inSpan, traceHeaders } from '@interflow/core';
import type { Publication } from '@interflow/broker';

const TRACER = 'interflow-broker';

/**
 * Runs a publish statement as a child span of the caller's span and stamps the span's
 * W3C context into each message's headers (`traceparent`), so whoever consumes the
 * message continues the trace. A message that already carries a `traceparent` (a
 * schedule fire's own trace) keeps it. Without tracing, or outside any span, the
 * publications pass through untouched.
 */
export async function tracedPublish<T>(
  publications: Publication[],
  publish: (publications: Publication[]) => Promise<T>,
): Promise<T> {
  if (!isTracing() || !trace.getActiveSpan()) return publish(publications);
  const exchanges = [...new Set(publications.map((publication) => (typeof publication?.exchange === 'string' && publication.exchange) || '(default)'))];
  return inSpan(
    TRACER,
    `mq publish ${exchanges.length === 1 ? exchanges[0] : 'batch'}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'postgresql', 'messaging.batch.message_count': publications.length } },
    () => {
      const headers = traceHeaders(context.active());
      return publish(publications.map((publication) => withTraceHeaders(publication, headers)));
    },
  );
}

/** Malformed input passes through untouched, for the publish validation to name it (a 4xx, never a crash here). */
function withTraceHeaders(publication: Publication, headers: Record<string, string>): Publication {
  const message: unknown = publication?.message;
  if (!message || typeof message !== 'object') return publication;
  const own: unknown = (message as { headers?: unknown }).headers ?? {};
  if (typeof own !== 'object' || own === null || Array.isArray(own)) return publication;
  if (typeof (own as Record<string, unknown>).traceparent === 'string') return publication;
  return { ...publication, message: { ...publication.message, headers: { ...own, ...headers } } };
}
