import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { startTracing, type Tracing } from '@interflow/core';
import { createKeyring, type SecretKey } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { registerGreeter, startGreeterConnector, type GreeterConnector } from './support/greeter-connector';
import { createTestApi, type TestApi } from './support/test-api';

const RUNNER_SCRIPT = path.resolve(__dirname, '..', '..', 'runner', 'dist', 'main.js');

/** A span from either side, reduced to what the assertions read. */
interface SeenSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  kind: number;
  service: string;
}

/**
 * An OTLP/HTTP (JSON) endpoint, as a collector would offer: the runner daemon exports
 * its spans here because OTEL_EXPORTER_OTLP_TRACES_ENDPOINT says so.
 */
async function startOtlpReceiver(): Promise<{ url: string; spans: SeenSpan[]; close(): Promise<void> }> {
  const spans: SeenSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const payload = JSON.parse(body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId?: string; kind: number }[] }[];
        }[];
      };
      for (const resourceSpans of payload.resourceSpans) {
        const service = resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of resourceSpans.scopeSpans) {
          for (const span of scope.spans) {
            // OTLP/JSON kinds count from 1 (SPAN_KIND_INTERNAL); the API's SpanKind from 0.
            spans.push({ name: span.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, kind: span.kind - 1, service });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One webhook-triggered run, traced end to end: the api (in this process, real HTTP), the
 * built runner daemon (its spans over OTLP/HTTP) and a connector built with the SDK (in
 * this process) write one trace with the right parent links.
 */
describe('tracing a run end to end', () => {
  const key: SecretKey = { id: 'trace', key: crypto.randomBytes(32) };
  const signingSecret = crypto.randomBytes(32).toString('base64url');
  const memory = new InMemorySpanExporter();
  let tracing: Tracing;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let api: TestApi;
  let connector: GreeterConnector;
  let runner: DaemonProcess;
  let webhookPath: string;

  beforeAll(async () => {
    tracing = startTracing({ service: 'api', config: {}, spanProcessor: new SimpleSpanProcessor(memory) });
    receiver = await startOtlpReceiver();
    api = await createTestApi({ keyring: createKeyring(key) });
    connector = await startGreeterConnector(signingSecret);
    webhookPath = (await registerGreeter(api, connector, { signingSecret, apiKey: 'k-trace' })).webhookPath;
    const healthPort = await freePort();
    runner = await startDaemon({
      script: RUNNER_SCRIPT,
      env: {
        DATABASE_URL: api.db.url,
        DATABASE_SCHEMA: api.db.schema,
        DATABASE_POOL_SIZE: '4',
        HEALTH_PORT: String(healthPort),
        INTERFLOW_SECRET_KEY: `${key.id}:${key.key.toString('base64')}`,
        LOG_LEVEL: 'info',
        INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      readyUrl: `http://127.0.0.1:${healthPort}/readyz`,
    });
    await waitFor(() => runner.logs.some((line) => line.message === 'runner consuming'), { description: 'the runner to consume' });
  });

  afterAll(async () => {
    await runner?.stop('SIGTERM');
    await connector?.close();
    await api?.close();
    await receiver?.close();
    await tracing?.shutdown();
  });

  it('yields one trace from the webhook through the queue, the runner and the connector', async () => {
    const response = await request(api.app).post(webhookPath).query({ wait: 60 }).send({ name: 'Trace' }).expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', response: { greeting: 'hello Trace' } });

    const local = (): SeenSpan[] =>
      memory.getFinishedSpans().map((span) => ({
        name: span.name,
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
        parentSpanId: span.parentSpanContext?.spanId,
        kind: span.kind,
        service: String(span.resource.attributes['service.name']),
      }));
    const webhook = await waitFor(() => local().find((span) => span.name.startsWith('POST /v1/hooks')), { description: 'the webhook span' });
    const inTrace = (spans: SeenSpan[]) => spans.filter((span) => span.traceId === webhook.traceId);
    const runEnd = await waitFor(() => inTrace(receiver.spans).find((span) => span.name === 'run end'), { description: "the runner's spans" });
    const connectorSpan = await waitFor(() => inTrace(local()).find((span) => span.name === 'connector greeter.greet'), {
      description: "the connector's span",
    });
    const runnerSpans = inTrace(receiver.spans);
    const byName = (spans: SeenSpan[], prefix: string) => {
      const found = spans.find((span) => span.name.startsWith(prefix));
      if (!found) throw new Error(`no span ${prefix} in ${spans.map((span) => span.name).join(', ')}`);
      return found;
    };

    // The api: the request span is the root; the run request is published as its child.
    expect(webhook.parentSpanId).toBeUndefined();
    const publish = byName(inTrace(local()), 'mq publish');
    expect(publish.parentSpanId).toBe(webhook.spanId);

    // The runner continues from the message's traceparent: the claim and the processing are children of the publish.
    expect(runnerSpans.every((span) => span.service === 'interflow-runner')).toBe(true);
    const claim = byName(runnerSpans, 'mq claim interflow.actions');
    const processing = byName(runnerSpans, 'mq process interflow.actions');
    expect(claim.parentSpanId).toBe(publish.spanId);
    expect(processing.parentSpanId).toBe(publish.spanId);
    const call = byName(runnerSpans, 'connector call greeter');
    expect(call.parentSpanId).toBe(processing.spanId);
    expect(runEnd.parentSpanId).toBe(processing.spanId);
    expect(byName(runnerSpans, 'mq ack').parentSpanId).toBe(runEnd.spanId);

    // The connector continues from the traceparent the runner sent with the call.
    expect(connectorSpan.parentSpanId).toBe(call.spanId);

    // The runner's log lines about this run carry the trace id.
    const runLines = runner.logs.filter((line) => line.message === 'connector call ended');
    expect(runLines.some((line) => line.trace_id === webhook.traceId)).toBe(true);
  });
});
