import path from 'node:path';
import { startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { AMQP_URL, createRabbitFixture, type RabbitFixture } from './broker-fixture';

const CONSUMER = path.resolve(__dirname, 'support', 'dying-consumer.mjs');

/**
 * A consumer process dies (SIGKILL: no goodbye, no settle) holding deliveries, some in
 * handlers and some only prefetched. RabbitMQ gives every one of them back; none was
 * returned on purpose, so each comes to the next consumer recovered with its attempt
 * counted, prefetched ones too (docs/broker-rabbitmq.md, "a consumer process dies"; the
 * PostgreSQL broker gives the attempt of an unstarted prefetched delivery back). Nothing
 * is lost and the messages it never held are untouched.
 */
describe('RabbitMQ broker: a consumer process dies holding deliveries', () => {
  let fixture: RabbitFixture;
  let child: DaemonProcess | undefined;

  beforeAll(async () => {
    fixture = await createRabbitFixture();
  }, 120_000);
  afterAll(async () => {
    await child?.stop('SIGKILL');
    await fixture.close();
  }, 120_000);

  it('every delivery it held, handled or prefetched, comes to another consumer with its attempt counted; nothing is lost', async () => {
    const { broker, db, names } = fixture;
    await broker.declareQueue({ name: 'doomed', policy: { maxAttempts: 5, deadLetterQueue: null } });
    const payloads = Array.from({ length: 10 }, (_, n) => `m${n}`);
    await broker.publishBatch(payloads.map((payload) => ({ exchange: '', routingKey: 'doomed', message: { payload } })));

    child = await startDaemon({
      script: CONSUMER,
      env: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, AMQP_URL, AMQP_NAME_PREFIX: names.prefix, QUEUE: 'doomed' },
    });
    const started = () => child!.logs.filter((line) => line.message === 'handling').map((line) => `${String(line.payload)}#${String(line.attempt)}`);
    // Six held (concurrency 2 + prefetch 4): two in handlers, four waiting; the process's own count reaches the registry with its heartbeat.
    await waitFor(() => started().length === 2, { timeoutMs: 60_000, description: 'two deliveries in the child\'s handlers' });
    await waitFor(async () => {
      const stats = await broker.queueStats('doomed');
      return stats.ready === 4 && stats.inFlight === 6;
    }, { timeoutMs: 60_000, description: 'the child to hold six deliveries, four of them only prefetched' });
    expect(started()).toEqual(['m0#1', 'm1#1']);

    await child.stop('SIGKILL');
    expect(child.child.signalCode).toBe('SIGKILL');

    const seen = new Map<string, { attempt: number; recovered: boolean }[]>();
    const consumer = broker.consume<string>('doomed', async (delivery) => {
      seen.set(delivery.payload, [...(seen.get(delivery.payload) ?? []), { attempt: delivery.attempt, recovered: delivery.recovered }]);
    }, { concurrency: 4, prefetch: 4 });
    await waitFor(() => payloads.every((payload) => seen.has(payload)), { timeoutMs: 60_000, description: 'every message to be handled' });
    await consumer.stop();
    // (stats.inFlight would still count the dead process's six until its registration is 30 s stale: as of its last heartbeat)
    expect(await broker.queueStats('doomed')).toMatchObject({ ready: 0, delayed: 0 });

    // m0–m1 were in handlers and m2–m5 only prefetched: all six came again, recovered, on attempt 2. m6–m9 were never held.
    const held = payloads.slice(0, 6);
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(payloads.map((payload) => [
      payload,
      [held.includes(payload) ? { attempt: 2, recovered: true } : { attempt: 1, recovered: false }],
    ])));
  });
});
