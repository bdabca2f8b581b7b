import crypto from 'node:crypto';
import postgres from 'postgres';
import { StaleDeliveryError, type TransactionSql } from '@interflow/broker';
import { createSilentLogger, type Sql } from '@interflow/core';
import { PostgresBroker } from '../src';
import { claimMessages } from '../src/claim-sql';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/** The acks a transaction makes in one turn (a runner's settle group) go to the database as one statement. */
describe('PostgreSQL broker: acks within a transaction', () => {
  let fixture: BrokerFixture;
  let statements: string[];
  let sql: Sql;
  let broker: PostgresBroker;

  beforeAll(async () => {
    fixture = await createBrokerFixture();
    statements = [];
    sql = postgres(fixture.db.url, {
      max: 2,
      onnotice: () => undefined,
      connection: { search_path: fixture.db.schema },
      debug: (_connection, query) => statements.push(query),
    }) as unknown as Sql;
    broker = new PostgresBroker({ sql, logger: createSilentLogger(), schema: fixture.db.schema, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await broker.close();
    await sql.end({ timeout: 1 });
    await fixture.close();
  });

  it('acks the refs of one turn in one statement, refusing each stale ref alone, a ref named twice included', async () => {
    await fixture.broker.declareQueue({ name: 'within' });
    for (const payload of ['a', 'b', 'c', 'left']) await fixture.broker.publish({ exchange: '', routingKey: 'within', message: { payload } });
    const claimed = await claimMessages(fixture.db.sql, { queue: 'within', max: 3, leaseMs: 60_000, consumerId: 'test', handedOver: true });
    expect(claimed).toHaveLength(3);
    const [a, b, c] = claimed as [(typeof claimed)[0], (typeof claimed)[0], (typeof claimed)[0]];
    const forged = { messageId: c.messageId, deliveryToken: crypto.randomUUID() };

    statements.length = 0;
    const outcomes = await sql.begin((tx) => {
      const refs = [a, b, forged, a];
      return Promise.allSettled(refs.map((ref) => broker.ackWithin(tx as unknown as TransactionSql, ref)));
    });

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    for (const outcome of outcomes.slice(2)) expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(StaleDeliveryError);
    expect(statements.filter((statement) => /delete from mq_messages/.test(statement))).toHaveLength(1);
    const left = await fixture.db.sql<{ id: string }[]>`select id::text from mq_messages where queue = 'within' order by id`;
    expect(left.map((row) => row.id)).toEqual([c.messageId, expect.any(String)]);
  });
});
