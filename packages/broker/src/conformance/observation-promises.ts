import type { Delivery } from '../broker';
import { differenceTitle } from './differences';
import type { ConformanceHarness, ConformanceSubject } from './harness';
import { waitUntil } from './wait-until';

/** What the daemons and the dashboard read: where messages are, queue gauges, live consumers. */
export function describeObservationPromises(harness: ConformanceHarness): void {
  const differences = harness.differences ?? {};
  describe('observation', () => {
    let subject: ConformanceSubject;
    beforeAll(async () => {
      subject = await harness.makeSubject({ random: () => 0 });
    });
    afterAll(() => subject.close());

    it(differenceTitle('locateMessages: waiting, dead with its death record, absent once acked or never issued', differences, 'locatesOnlyMessagesPublishedWithin'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'located.dlq' });
      await broker.declareQueue({ name: 'located', policy: { deadLetterQueue: 'located.dlq' } });
      const [waiting, doomed, done] = await subject.transaction((tx) =>
        broker.publishWithin(tx, ['waiting', 'doomed', 'done'].map((payload) => ({ exchange: '', routingKey: 'located', message: { payload } }))),
      );
      const plain = await broker.publish({ exchange: '', routingKey: 'located', message: { payload: 'plain' } });
      const ids = (receipt: { messageIds: string[] } | undefined): string => receipt?.messageIds[0] ?? 'missing';
      // ids no broker issued here: a small number, one past 63 bits, and no number at all
      const neverIssued = ['999999999', '9223372036854775808', 'not-a-message-id'];
      // the relay sends what was published within the transaction after the commit: claim until all four came
      const claimed: Delivery[] = [];
      await waitUntil(async () => {
        claimed.push(...(await broker.claim('located', { max: 4 - claimed.length })));
        return claimed.length === 4;
      }, 'all four messages to be claimed');
      const byPayload = (payload: string) => claimed.find((d) => d.payload === payload);
      const doomedDelivery = byPayload('doomed');
      const doneDelivery = byPayload('done');
      const waitingDelivery = byPayload('waiting');
      const plainDelivery = byPayload('plain');
      if (!doomedDelivery || !doneDelivery || !waitingDelivery || !plainDelivery) throw new Error('not all four claimed');
      await broker.reject(doomedDelivery, 'located in the dlq');
      await broker.ack([doneDelivery]);
      await broker.nack(waitingDelivery, { delayMs: 0, countAttempt: false });
      await broker.nack(plainDelivery, { delayMs: 0, countAttempt: false });
      const where = await waitUntil(async () => {
        const found = await broker.locateMessages([ids(waiting), ids(doomed), ids(done), ids(plain), ...neverIssued]);
        return found.get(ids(doomed))?.state === 'dead' && !found.has(ids(done)) ? found : null;
      }, 'the settles to show in locateMessages');
      expect(where.get(ids(waiting))).toEqual({ state: 'waiting' });
      expect(where.get(ids(doomed))).toEqual({ state: 'dead', death: expect.objectContaining({ queue: 'located', reason: 'rejected', detail: 'located in the dlq' }) });
      expect(where.has(ids(done))).toBe(false);
      expect(where.get(ids(plain))).toEqual({ state: 'waiting' });
      for (const id of neverIssued) expect(where.has(id)).toBe(false);
    });

    it('queueGauges: every declared queue, empty ones too, with depth, age of the oldest ready message and dead letters', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'gauged.dlq' });
      await broker.declareQueue({ name: 'gauged', policy: { deadLetterQueue: 'gauged.dlq' } });
      await broker.declareQueue({ name: 'gauged.empty' });
      await broker.publishBatch(['a', 'b', 'c'].map((payload) => ({ exchange: '', routingKey: 'gauged', message: { payload } })));
      await broker.publish({ exchange: '', routingKey: 'gauged', message: { payload: 'later', delayMs: 3_600_000 } });
      const [held, dying] = await broker.claim('gauged', { max: 2 });
      if (!held || !dying) throw new Error('nothing claimed');
      await broker.reject(dying, 'for the gauge');
      const gauges = await waitUntil(async () => {
        const all = await broker.queueGauges();
        const gauge = all.find((g) => g.queue === 'gauged');
        return gauge && gauge.deadLetters === 1 && gauge.oldestReadyAgeSeconds > 0 ? all : null;
      }, 'the gauges to show the dead letter and the waiting message ageing');
      expect(gauges.find((g) => g.queue === 'gauged')).toMatchObject({ ready: 1, delayed: 1, inFlight: 1, deadLetters: 1 });
      expect(gauges.find((g) => g.queue === 'gauged.empty')).toEqual({ queue: 'gauged.empty', ready: 0, delayed: 0, inFlight: 0, oldestReadyAgeSeconds: 0, deadLetters: 0 });
      await broker.ack([held]);
    });

    it(differenceTitle('peek shows ready messages, then delayed ones', differences, 'peekShowsReadyOnly'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'peeked' });
      await broker.publish({ exchange: '', routingKey: 'peeked', message: { payload: 'later', delayMs: 3_600_000 } });
      await broker.publish({ exchange: '', routingKey: 'peeked', message: { payload: 'now' } });
      const seen = (await broker.peek('peeked')).map((d) => d.payload);
      expect(seen).toEqual(differences.peekShowsReadyOnly ? ['now'] : ['now', 'later']);
      expect(await broker.queueStats('peeked')).toMatchObject({ ready: 1, delayed: 1 });
    });

    it(differenceTitle("stats.inFlight counts another process's deliveries at once", differences, 'inFlightOfOtherProcessesAsOfHeartbeat'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'held-elsewhere' });
      await broker.publishBatch(['a', 'b'].map((payload) => ({ exchange: '', routingKey: 'held-elsewhere', message: { payload } })));
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = 0;
      const consumer = subject.otherBroker().consume('held-elsewhere', async () => {
        started++;
        await gate;
      }, { concurrency: 2, prefetch: 0 });
      await waitUntil(() => started === 2, 'the other process to hold both');
      const inFlight = async () => (await broker.queueStats('held-elsewhere')).inFlight;
      if (differences.inFlightOfOtherProcessesAsOfHeartbeat) await waitUntil(async () => (await inFlight()) === 2, 'the next heartbeat to count them');
      else expect(await inFlight()).toBe(2);
      release();
      await consumer.stop();
    });

    it(differenceTitle('stats.dead counts the dead letters that died in this queue', differences, 'deadCountsWholeDeadLetterQueue'), async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'shared.dlq' });
      for (const name of ['sharing.a', 'sharing.b']) {
        await broker.declareQueue({ name, policy: { deadLetterQueue: 'shared.dlq' } });
        await broker.publish({ exchange: '', routingKey: name, message: { payload: name } });
        const [delivery] = await broker.claim(name, { max: 1 });
        if (!delivery) throw new Error(`nothing claimed from ${name}`);
        await broker.reject(delivery, 'for the count');
      }
      await waitUntil(async () => (await broker.peek('shared.dlq')).length === 2, 'both dead letters');
      expect((await broker.queueStats('sharing.a')).dead).toBe(differences.deadCountsWholeDeadLetterQueue ? 2 : 1);
    });

    it('listConsumers: a consumer is listed with its settings while it lives, heartbeats, and is gone after stop', async () => {
      const { broker } = subject;
      await broker.declareQueue({ name: 'listened' });
      const consumer = broker.consume('listened', async () => undefined, { consumerName: 'heartbeat-test', concurrency: 3, prefetch: 5 });
      const [registered] = await waitUntil(async () => {
        const list = await broker.listConsumers({ queue: 'listened' });
        return list.length > 0 ? list : null;
      }, 'the consumer to be listed');
      expect(registered).toMatchObject({ id: consumer.id, queue: 'listened', name: 'heartbeat-test', concurrency: 3, prefetch: 5, pid: process.pid });
      await waitUntil(async () => {
        const [now] = await broker.listConsumers({ queue: 'listened' });
        return now && now.heartbeatAt.getTime() > (registered?.heartbeatAt.getTime() ?? 0);
      }, 'a heartbeat');
      expect((await broker.listConsumers()).map((c) => c.id)).toContain(consumer.id);
      await consumer.stop();
      expect(await broker.listConsumers({ queue: 'listened' })).toEqual([]);
    });
  });
}
