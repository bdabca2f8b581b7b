import type { QueueGauge } from '@interflow/broker';
import { PostgresBroker } from '@interflow/broker-postgres';
import { AdvisoryLeadership, createMetricsRegistry, createSilentLogger, type MetricsRegistry } from '@interflow/core';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { capQueues, createQueueGaugeMetrics, QueueGauges } from '../src/queue-gauges';

let db: TestDatabase;
let broker: PostgresBroker;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 6 });
  broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema });
  await broker.declareQueue({ name: 'work.dlq' });
  await broker.declareQueue({ name: 'work', policy: { deadLetterQueue: 'work.dlq' } });
  await broker.declareQueue({ name: 'idle' });
  const publish = (payload: unknown, delayMs?: number) =>
    broker.publish({ exchange: '', routingKey: 'work', message: { payload, ...(delayMs ? { delayMs } : {}) } });
  for (let i = 0; i < 4; i++) await publish({ i });
  await publish({ later: true }, 3_600_000);
  const [inFlight, dying] = await broker.claim('work', { max: 2, leaseMs: 60_000 });
  expect(inFlight && dying).toBeTruthy();
  await broker.reject({ messageId: dying!.messageId, deliveryToken: dying!.deliveryToken }, 'poison');
});

afterAll(async () => {
  await broker.close();
  await db.drop();
});

/** One producer replica's gauges, on its own metrics registry and its own lock connection. */
function replica(): { gauges: QueueGauges; metrics: MetricsRegistry } {
  const metrics = createMetricsRegistry('producer');
  const gauges = new QueueGauges({
    broker,
    leadership: new AdvisoryLeadership({ url: db.url, key: `interflow:queue-gauges:${db.schema}` }),
    metrics: createQueueGaugeMetrics(metrics),
    logger: createSilentLogger(),
    intervalMs: 60_000,
    maxQueues: 200,
  });
  return { gauges, metrics };
}

async function series(metrics: MetricsRegistry, name: string): Promise<Record<string, number>> {
  const metric = (await metrics.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  const values = (metric?.values ?? []) as { labels: Record<string, string | number>; value: number }[];
  return Object.fromEntries(
    values.map(({ labels, value }) => [[labels.queue, labels.state].filter(Boolean).join('/'), value]),
  );
}

describe('queue gauges', () => {
  it('are exported by exactly one producer, and by another once it stops', async () => {
    const first = replica();
    const second = replica();
    await first.gauges.refresh();
    await second.gauges.refresh();

    expect(await series(first.metrics, 'interflow_queue_messages')).toEqual({
      'work/ready': 2,
      'work/delayed': 1,
      'work/in_flight': 1,
      'work.dlq/ready': 1,
      'work.dlq/delayed': 0,
      'work.dlq/in_flight': 0,
      'idle/ready': 0,
      'idle/delayed': 0,
      'idle/in_flight': 0,
    });
    expect(await series(first.metrics, 'interflow_queue_dead_letters')).toEqual({ work: 1, 'work.dlq': 0, idle: 0 });
    const ages = await series(first.metrics, 'interflow_queue_oldest_ready_age_seconds');
    expect(ages.work).toBeGreaterThanOrEqual(0);
    expect(ages.idle).toBe(0);
    expect(await series(first.metrics, 'interflow_queue_gauges_leader')).toEqual({ '': 1 });

    expect(await series(second.metrics, 'interflow_queue_messages')).toEqual({});
    expect(await series(second.metrics, 'interflow_queue_gauges_leader')).toEqual({ '': 0 });

    await first.gauges.stop();
    await second.gauges.refresh();
    expect((await series(second.metrics, 'interflow_queue_messages'))['work/ready']).toBe(2);
    expect(await series(second.metrics, 'interflow_queue_gauges_leader')).toEqual({ '': 1 });
    await second.gauges.stop();
  });
});

describe('capQueues', () => {
  const row = (queue: string, ready: number, oldestReadyAgeSeconds = 0): QueueGauge => ({
    queue,
    ready,
    delayed: 0,
    inFlight: 0,
    oldestReadyAgeSeconds,
    deadLetters: 0,
  });

  it('keeps every queue under the cap', () => {
    expect(capQueues([row('a', 1), row('b', 2)], 5).map((kept) => kept.queue)).toEqual(['b', 'a']);
  });

  it('names system queues first, then the deepest, and sums the rest into _other', () => {
    const rows = [row('tiny', 1, 5), row('deep', 50), row('interflow.actions', 0), row('mid', 10, 90)];
    expect(capQueues(rows, 2)).toEqual([
      row('interflow.actions', 0),
      row('deep', 50),
      { queue: '_other', ready: 11, delayed: 0, inFlight: 0, oldestReadyAgeSeconds: 90, deadLetters: 0 },
    ]);
  });

  it('never uses a name that is not a plain label value', () => {
    expect(capQueues([row('x'.repeat(150), 3)], 10).map((kept) => kept.queue)).toEqual(['_other']);
  });
});
