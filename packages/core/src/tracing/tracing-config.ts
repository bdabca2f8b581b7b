import { z } from 'zod';

const otlpUrl = z.string().url({ message: 'expected a URL like http://otel-collector:4318' });

/**
 * The standard OpenTelemetry variables Interflow honours (spread into every daemon's
 * config, so they are validated at start like the rest). Tracing is off unless an OTLP
 * endpoint is set or OTEL_TRACES_EXPORTER=otlp; OTEL_SDK_DISABLED=true or
 * OTEL_TRACES_EXPORTER=none turn it off whatever else is set. The exporter also reads
 * OTEL_EXPORTER_OTLP_HEADERS / _TIMEOUT and OTEL_BSP_* itself.
 */
export const tracingConfigShape = {
  OTEL_SDK_DISABLED: z.enum(['true', 'false'], { message: 'expected true or false' }).optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none'], { message: 'expected otlp or none (traces go out over OTLP/HTTP)' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/json'], { message: 'expected http/json (the exporter Interflow ships)' }).optional(),
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(200).optional(),
  OTEL_RESOURCE_ATTRIBUTES: z.string().optional(),
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
};

export type TracingConfig = { [K in keyof typeof tracingConfigShape]?: z.infer<(typeof tracingConfigShape)[K]> };

/** Whether these variables switch tracing on (see tracingConfigShape). */
export function tracingEnabled(config: TracingConfig): boolean {
  if (config.OTEL_SDK_DISABLED === 'true' || config.OTEL_TRACES_EXPORTER === 'none') return false;
  return config.OTEL_TRACES_EXPORTER === 'otlp' || Boolean(config.OTEL_EXPORTER_OTLP_ENDPOINT || config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Where spans go: the traces endpoint as given, else `<endpoint>/v1/traces`, else the OTLP/HTTP default. */
export function tracesUrl(config: TracingConfig): string {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
