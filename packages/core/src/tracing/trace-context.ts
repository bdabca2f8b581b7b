import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

/** W3C trace context headers, as they travel in message headers and HTTP calls. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/** The active context as `traceparent` (and `tracestate`) headers; empty when tracing is off or nothing is active. */
export function traceHeaders(active: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier;
}

/** The context a message's or a request's headers carry (the active one when they carry none). */
export function contextFromHeaders(headers: Record<string, unknown>, base: Context = context.active()): Context {
  const carrier: Record<string, string> = {};
  for (const name of TRACE_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') carrier[name] = value;
  }
  return propagation.extract(base, carrier);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; the active context by default. */
  parent?: Context;
  /** Starts a new trace (a schedule fire). */
  root?: boolean;
}

/**
 * Runs `work` inside a new span of `tracerName` and ends it when `work` settles, marking
 * it as an error when `work` throws. With tracing off this costs a no-op span.
 */
export async function inSpan<T>(tracerName: string, name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const tracer = trace.getTracer(tracerName);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, root: options.root }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span for something that already happened (a claim statement), ended at once. */
export function recordSpan(tracerName: string, name: string, options: SpanOptions & { startTime: Date; endTime: Date }): void {
  const tracer = trace.getTracer(tracerName);
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, startTime: options.startTime, root: options.root },
    options.parent ?? context.active(),
  );
  span.end(options.endTime);
}

/** `trace_id` and `span_id` of the active span, for log lines; empty when none is recording. */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  const ids = span?.spanContext();
  if (!ids || !trace.isSpanContextValid(ids)) return {};
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

export { SpanKind };
