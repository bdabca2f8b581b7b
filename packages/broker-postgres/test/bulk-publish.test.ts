import type { Publication } from '@interflow/broker';
import { BULK_CHUNK_ROWS } from '../src/chunked-insert';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/**
 * A `publishBatch` larger than a chunk goes as one transaction of pipelined statements
 * (chunked-insert.ts): still all or none, and its ids still grow in publication order.
 */
describe('PostgreSQL broker: a batch larger than a chunk', () => {
  let fixture: BrokerFixture;
  const count = BULK_CHUNK_ROWS * 2 + 7;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
    await fixture.broker.declareQueue({ name: 'bulk' });
  });
  afterAll(() => fixture.close());

  beforeEach(() => fixture.broker.purgeQueue('bulk'));

  const publications = (routingKey: (index: number) => string): Publication[] =>
    Array.from({ length: count }, (_, index) => ({ exchange: '', routingKey: routingKey(index), message: { payload: { index } } }));

  it('stores every message once, its id growing with its position, each receipt naming its own message', async () => {
    const receipts = await fixture.broker.publishBatch(publications(() => 'bulk'));
    const ids = receipts.map((receipt) => BigInt(receipt.messageIds[0] ?? '0'));
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
    const rows = await fixture.db.sql<{ id: string; index: number }[]>`select id, (payload->>'index')::int as index from mq_messages where queue = 'bulk' order by id`;
    expect(rows.map((row) => row.index)).toEqual(Array.from({ length: count }, (_, index) => index));
    expect(rows.map((row) => row.id)).toEqual(receipts.map((receipt) => receipt.messageIds[0]));
  });

  it('a routing key in the last chunk naming no queue leaves nothing of the earlier chunks twice: the batch takes the routing path', async () => {
    const receipts = await fixture.broker.publishBatch(publications((index) => (index === count - 1 ? 'nowhere' : 'bulk')));
    expect(receipts[count - 1]?.messageIds).toEqual([]);
    expect((await fixture.broker.queueStats('bulk')).ready).toBe(count - 1);
  });

  it('a chunk the database refuses stores nothing of the others', async () => {
    const refused = publications(() => 'bulk');
    // jsonb refuses \u0000 in a string: the last chunk's statement fails after the first chunks' ran.
    refused[count - 1] = { exchange: '', routingKey: 'bulk', message: { payload: { index: 'nul \u0000' } } };
    await expect(fixture.broker.publishBatch(refused)).rejects.toThrow();
    expect((await fixture.broker.queueStats('bulk')).ready).toBe(0);
  });
});
