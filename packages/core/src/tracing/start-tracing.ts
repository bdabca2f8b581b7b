import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracesUrl, tracingEnabled, type TracingConfig } from './tracing-config';

let registered = false;

/** Whether this process registered a tracer provider: hot paths skip trace work when not. */
export function isTracing(): boolean {
  return registered;
}

export interface Tracing {
  enabled: boolean;
  /** Exports what is buffered and stops; the last shutdown step. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** api, producer, runner…: the default `service.name` is `interflow-<service>`. */
  service: string;
  config: TracingConfig;
  /** Tests pass an in-memory processor; by default spans are batched to OTLP/HTTP (JSON). */
  spanProcessor?: SpanProcessor;
}

/**
 * Registers the process-wide tracer provider (W3C trace context propagation, async
 * context through AsyncLocalStorage) when the OTEL_* variables ask for it. Off, nothing
 * is registered: every span Interflow starts is the API's no-op, no header is added to
 * messages or calls, and logs carry no trace ids.
 */
export function startTracing(options: StartTracingOptions): Tracing {
  if (!options.spanProcessor && !tracingEnabled(options.config)) return { enabled: false, shutdown: async () => undefined };
  const processor = options.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.config) }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.config.OTEL_SERVICE_NAME ?? `interflow-${options.service}` }),
    spanProcessors: [processor],
  });
  provider.register();
  registered = true;
  return {
    enabled: true,
    async shutdown() {
      await provider.shutdown().catch(() => undefined);
      registered = false;
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
