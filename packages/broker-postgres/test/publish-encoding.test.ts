import { type Publication } from '@interflow/broker';
import { ValidationError } from '@interflow/core';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/**
 * A batch travels as one array of payloads plus its distinct envelopes (everything but
 * the payload); these check that every message still gets its own envelope and payload,
 * in publication order, on the direct path and on the routing path alike.
 */
describe('PostgreSQL broker: batches with mixed envelopes', () => {
  let fixture: BrokerFixture;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
    await fixture.broker.declareQueue({ name: 'q.mixed' });
    await fixture.broker.declareQueue({ name: 'q.other' });
    await fixture.broker.declareExchange({ name: 'x.mixed', type: 'direct' });
    await fixture.broker.bind({ exchange: 'x.mixed', queue: 'q.mixed', bindingKey: 'k' });
  });
  afterAll(() => fixture.close());

  const batch = (exchange: string, routingKey: (index: number) => string): Publication[] =>
    Array.from({ length: 12 }, (_, index) => ({
      exchange,
      routingKey: routingKey(index),
      message: {
        payload: index === 5 ? null : { index, text: `"quoted" ${index}` },
        priority: (index % 5) + 1,
        ...(index % 3 === 0 ? { headers: { n: index, even: index % 2 === 0 } } : {}),
        ...(index % 4 === 0 ? { correlationId: `c-${index}` } : {}),
      },
    }));

  it.each([
    ['the direct path (default exchange)', '', (index: number) => (index % 2 === 0 ? 'q.mixed' : 'q.other')],
    ['the routing path (a direct exchange)', 'x.mixed', () => 'k'],
  ])('keeps each message its own payload and envelope on %s', async (_, exchange, routingKey) => {
    await fixture.broker.purgeQueue('q.mixed');
    await fixture.broker.purgeQueue('q.other');
    const publications = batch(exchange, routingKey);
    const receipts = await fixture.broker.publishBatch(publications);
    const ids = receipts.map((receipt) => BigInt(receipt.messageIds[0] ?? '0'));
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0n))).toBe(true);
    const stored = [...(await fixture.broker.peek('q.mixed', { limit: 50 })), ...(await fixture.broker.peek('q.other', { limit: 50 }))];
    for (const [index, publication] of publications.entries()) {
      const message = stored.find((delivery) => delivery.messageId === receipts[index]?.messageIds[0]);
      expect(message).toMatchObject({
        queue: receipts[index]?.queues[0],
        payload: publication.message.payload,
        priority: publication.message.priority,
        headers: publication.message.headers ?? {},
        correlationId: publication.message.correlationId ?? null,
      });
    }
  });

  it('refuses a batch whose payload JSON cannot represent, naming it, and stores nothing', async () => {
    await fixture.broker.purgeQueue('q.mixed');
    const publications: Publication[] = [
      { exchange: '', routingKey: 'q.mixed', message: { payload: 'fine' } },
      { exchange: '', routingKey: 'q.mixed', message: { payload: { big: BigInt(1) } } },
    ];
    await expect(fixture.broker.publishBatch(publications)).rejects.toThrow(ValidationError);
    await expect(fixture.broker.publishBatch(publications)).rejects.toThrow('[1].message.payload must be serializable as JSON');
    expect((await fixture.broker.queueStats('q.mixed')).ready).toBe(0);
  });
});
