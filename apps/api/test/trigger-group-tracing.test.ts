import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan, startTracing, type Tracing } from '@interflow/core';
import { QueuedRunWriter } from '../src/triggering/queued-run-writer';
import { createActionChain, uniqueName } from './support/fixtures';
import { newRun, runPublication } from './support/run-writes';
import { createTestApi, type TestApi } from './support/test-api';

const memory = new InMemorySpanExporter();
let tracing: Tracing;
let api: TestApi;

beforeAll(async () => {
  tracing = startTracing({ service: 'api', config: {}, spanProcessor: new SimpleSpanProcessor(memory) });
  api = await createTestApi();
});

afterAll(async () => {
  await api?.close();
  await tracing?.shutdown();
});


describe('a trigger group, traced', () => {
  it("gives each trigger's message a publish span of the trigger's own trace, though one statement carried them", async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const writer = new QueuedRunWriter(api.db.sql, api.broker);
    const triggers = Array.from({ length: 3 }, (_, index) => ({ name: `trigger ${index}`, run: newRun(action.id, deployment.id) }));
    // Each trigger in a request span of its own, submitted in the same turn: one group.
    const traceIds = await Promise.all(
      triggers.map(({ name, run }) =>
        inSpan('test', name, {}, async () => {
          await writer.write(runPublication(queue, run.id), run);
          return trace.getActiveSpan()?.spanContext().traceId;
        }),
      ),
    );
    expect(new Set(traceIds).size).toBe(3);
    const transactions = await api.db.sql<{ xmin: string }[]>`select xmin::text from runs where id = any(${triggers.map((t) => t.run.id)}::uuid[])`;
    expect(new Set(transactions.map((row) => row.xmin)).size).toBe(1);

    const messages = await api.broker.peek(queue, { limit: 10 });
    const spans = memory.getFinishedSpans();
    triggers.forEach(({ name, run }, index) => {
      const message = messages.find((candidate) => candidate.correlationId === run.id);
      const [, traceId, parentSpanId] = String(message?.headers.traceparent).split('-');
      expect(traceId).toBe(traceIds[index]);
      const publish = spans.find((span) => span.spanContext().spanId === parentSpanId);
      const trigger = spans.find((span) => span.name === name);
      expect(publish?.name).toBe('mq publish (default)');
      expect(publish?.parentSpanContext?.spanId).toBe(trigger?.spanContext().spanId);
    });
  });
});
