import { parseConfig, tracesUrl, tracingConfigShape, tracingEnabled, type TracingConfig } from '../src';
import { z } from 'zod';

describe('tracing switched by the standard OTEL_* variables', () => {
  it.each<[string, TracingConfig, boolean]>([
    ['nothing set: off', {}, false],
    ['an OTLP endpoint: on', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    ['a traces endpoint: on', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    ['OTEL_TRACES_EXPORTER=otlp alone: on, to the default endpoint', { OTEL_TRACES_EXPORTER: 'otlp' }, true],
    ['OTEL_TRACES_EXPORTER=none wins', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    ['OTEL_SDK_DISABLED=true wins', { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
  ])('%s', (_label, config, enabled) => {
    expect(tracingEnabled(config)).toBe(enabled);
  });

  it.each<[TracingConfig, string]>([
    [{}, 'http://localhost:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'http://collector:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/traces' }, 'http://b:9999/traces'],
  ])('%j sends spans to %s', (config, url) => {
    expect(tracesUrl(config)).toBe(url);
  });

  it('names each bad variable', () => {
    const schema = z.object(tracingConfigShape);
    expect(() =>
      parseConfig(schema, { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_TRACES_SAMPLER_ARG: '2' }),
    ).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT[\s\S]*OTEL_EXPORTER_OTLP_PROTOCOL[\s\S]*OTEL_TRACES_SAMPLER_ARG/);
    expect(() => parseConfig(schema, { OTEL_EXPORTER_OTLP_HEADERS: 'x', OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });
});
