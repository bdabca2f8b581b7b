import { createSilentLogger, createSqlClient } from '@interflow/core';
import { waitFor } from '@interflow/test-kit';
import { RabbitmqBroker } from '../src';
import { createRabbitFixture, type RabbitFixture } from './broker-fixture';
import { TcpProxy } from './support/tcp-proxy';

/** A dropped connection (a RabbitMQ restart, a network cut), made by cutting a TCP proxy the broker connects through. */
describe('RabbitMQ broker: connection loss', () => {
  let fixture: RabbitFixture;
  let proxy: TcpProxy;
  let cutBroker: RabbitmqBroker;

  beforeAll(async () => {
    fixture = await createRabbitFixture();
    proxy = new TcpProxy('127.0.0.1', 5672);
    await proxy.start();
    cutBroker = new RabbitmqBroker({ sql: fixture.db.sql, logger: createSilentLogger(), url: `amqp://guest:guest@127.0.0.1:${proxy.port}`, namePrefix: fixture.names.prefix, heartbeatIntervalMs: 500 });
  });
  afterAll(async () => {
    await cutBroker.close();
    await proxy.stop();
    await fixture.close();
  });

  /**
   * A consumer on `broker` that records `payload#attempt#recovered` of every delivery and
   * holds the first delivery of 'held' until its lease is taken; resolves once it holds it.
   */
  const holdingConsumer = async (broker: RabbitmqBroker, queue: string) => {
    await fixture.broker.declareQueue({ name: queue });
    const handled: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const consumer = broker.consume<string>(queue, async (delivery, control) => {
      handled.push(`${delivery.payload}#${delivery.attempt}#${delivery.recovered}`);
      if (delivery.payload === 'held' && delivery.attempt === 1) {
        releaseFirst();
        await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
      }
    });
    await fixture.broker.publish({ exchange: '', routingKey: queue, message: { payload: 'held' } });
    await firstHeld;
    return { handled, consumer };
  };

  it('a consumer keeps going after its connection drops; the delivery it held comes again, recovered', async () => {
    const { handled, consumer } = await holdingConsumer(cutBroker, 'survivor');
    proxy.cut();
    await waitFor(() => handled.includes('held#2#true'), { timeoutMs: 30_000, description: 'the held delivery to come again, recovered' });
    await fixture.broker.publish({ exchange: '', routingKey: 'survivor', message: { payload: 'after' } });
    await waitFor(() => handled.includes('after#1#false'), { timeoutMs: 30_000 });
    await consumer.stop();
  });

  it('a connection gone silent (no close, no reset) is given up after missed heartbeats; the held delivery comes again and publishing goes on', async () => {
    // Its own proxy and broker: the silent connection must be the only one it has.
    const silentProxy = new TcpProxy('127.0.0.1', 5672);
    await silentProxy.start();
    const silent = new RabbitmqBroker({ sql: fixture.db.sql, logger: createSilentLogger(), url: `amqp://guest:guest@127.0.0.1:${silentProxy.port}`, namePrefix: fixture.names.prefix, heartbeatIntervalMs: 500, heartbeatSeconds: 1 });
    try {
      const { handled, consumer } = await holdingConsumer(silent, 'silent');
      silentProxy.freeze();
      // With the server's 60 s heartbeat this took two minutes; at 1 s both ends give the connection up within seconds.
      await waitFor(() => handled.includes('held#2#true'), { timeoutMs: 30_000, description: 'the held delivery to come again on a new connection' });
      await silent.publish({ exchange: '', routingKey: 'silent', message: { payload: 'after' } });
      await waitFor(() => handled.includes('after#1#false'), { timeoutMs: 30_000, description: 'a publish and its delivery on the new connection' });
      await consumer.stop();
    } finally {
      await silent.close();
      await silentProxy.stop();
    }
  });

  it('every publish that resolved is in its queue, though the connection dropped while they were in flight', async () => {
    // Two queues: RabbitMQ confirms their copies in any order, which leaves holes in the channel's list of unconfirmed publishes when it drops.
    const queues = ['confirmed-a', 'confirmed-b'];
    for (const name of queues) await fixture.broker.declareQueue({ name });
    let resolved = 0;
    const publishes = Array.from({ length: 2000 }, (_, n) =>
      cutBroker.publish({ exchange: '', routingKey: queues[n % 2]!, message: { payload: n } }).then(() => resolved++),
    );
    await waitFor(() => resolved >= 200);
    proxy.cut();
    await Promise.all(publishes);
    const seen = new Set<number>();
    const consumers = queues.map((name) => fixture.broker.consume<number>(name, async (delivery) => {
      seen.add(delivery.payload);
    }, { concurrency: 8, prefetch: 64 }));
    await waitFor(() => seen.size === 2000, { timeoutMs: 60_000, description: 'every confirmed message to be consumed' });
    for (const consumer of consumers) await consumer.stop();
  });

  it('through an outage publishWithin keeps committing and the relays hold no database connection; the outbox goes out once RabbitMQ is back', async () => {
    await fixture.broker.declareQueue({ name: 'outage' });
    const outageProxy = new TcpProxy('127.0.0.1', 5672);
    await outageProxy.start();
    // Two connections: relays that waited for RabbitMQ inside their transactions took both, and the next commit never came.
    const sql = createSqlClient({ url: fixture.db.url, schema: fixture.db.schema, max: 2, applicationName: 'outage-relay' });
    const broker = new RabbitmqBroker({ sql, logger: createSilentLogger(), url: `amqp://guest:guest@127.0.0.1:${outageProxy.port}`, namePrefix: fixture.names.prefix, outboxSweepIntervalMs: 200, outboxSweepAgeMs: 200 });
    const commit = (payload: string) => sql.begin((tx) => broker.publishWithin(tx, [{ exchange: '', routingKey: 'outage', message: { payload } }]));
    try {
      await broker.publish({ exchange: '', routingKey: 'outage', message: { payload: 'connected' } });
      expect(broker.readiness()).toBe('ok');
      outageProxy.goDown();
      const payloads = Array.from({ length: 6 }, (_, n) => `during-${n}`);
      for (const payload of payloads.slice(0, 3)) await commit(payload);
      // Three failed reconnects: the relays of those commits (after a watcher poll of at most 100 ms) have started by now.
      await waitFor(() => outageProxy.refused >= 3, { description: 'the broker to try to reconnect' });
      // What a runner's /readyz reports meanwhile.
      expect(broker.readiness()).toBe('no connection to RabbitMQ (connecting)');
      for (const payload of payloads.slice(3)) await commit(payload);
      const [open] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where application_name = 'outage-relay' and state like 'idle in transaction%'`;
      expect(open?.n).toBe(0);

      outageProxy.resume();
      const seen = new Set<string>();
      const consumer = fixture.broker.consume<string>('outage', async (delivery) => {
        seen.add(delivery.payload);
      });
      await waitFor(() => payloads.every((payload) => seen.has(payload)), { timeoutMs: 60_000, description: 'every outbox row relayed after the outage' });
      await waitFor(async () => (await fixture.db.sql<{ n: number }[]>`select count(*)::int as n from rabbitmq_outbox`)[0]!.n === 0, { description: 'the outbox empty' });
      expect(broker.readiness()).toBe('ok');
      await consumer.stop();
      await broker.close();
      expect(broker.readiness()).toBe('the broker is closed');
    } finally {
      await broker.close();
      await sql.end({ timeout: 1 });
      await outageProxy.stop();
    }
  });

  it('a consumer stopped while RabbitMQ is unreachable stops at once; it is not consuming when RabbitMQ is back', async () => {
    await fixture.broker.declareQueue({ name: 'stopped-in-outage' });
    const downProxy = new TcpProxy('127.0.0.1', 5672);
    await downProxy.start();
    const broker = new RabbitmqBroker({ sql: fixture.db.sql, logger: createSilentLogger(), url: `amqp://guest:guest@127.0.0.1:${downProxy.port}`, namePrefix: fixture.names.prefix, heartbeatIntervalMs: 500 });
    try {
      const handled: string[] = [];
      const consumer = broker.consume<string>('stopped-in-outage', async (delivery) => {
        handled.push(delivery.payload);
      });
      await fixture.broker.publish({ exchange: '', routingKey: 'stopped-in-outage', message: { payload: 'before' } });
      await waitFor(() => handled.includes('before'), { description: 'the consumer to consume' });
      downProxy.goDown();
      // Its channel is gone, and its reopen (a second later) waits for a connection that is refused: past the fifth refusal, about 3 s in.
      await waitFor(() => downProxy.refused >= 5, { timeoutMs: 60_000, description: 'the broker to keep trying to reconnect' });
      await consumer.stop();
      downProxy.resume();
      await fixture.broker.publish({ exchange: '', routingKey: 'stopped-in-outage', message: { payload: 'after' } });
      // The broker reconnects (its publisher and relay still use the connection); a forgotten reopen would consume now.
      await broker.publish({ exchange: '', routingKey: 'stopped-in-outage', message: { payload: 'through the stopped broker' } });
      // 'before' may wait again too: its ack, batched, can be lost with the connection, and RabbitMQ then puts it back.
      const waitingSinceStop = async () =>
        (await fixture.broker.peek('stopped-in-outage', { limit: 10 })).map((delivery) => String(delivery.payload)).filter((payload) => payload !== 'before').sort();
      const both = ['after', 'through the stopped broker'];
      await waitFor(async () => JSON.stringify(await waitingSinceStop()) === JSON.stringify(both), { description: 'both messages to wait' });
      const settled = Date.now() + 2_000;
      await waitFor(() => Date.now() > settled, { description: 'a while after the reconnect' });
      expect(handled).toEqual(['before']);
      expect(await waitingSinceStop()).toEqual(both);
    } finally {
      await broker.close();
      await downProxy.stop();
    }
  });
});
