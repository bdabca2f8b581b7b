import crypto from 'node:crypto';
import { NotFoundError, ValidationError } from '@interflow/core';
import { UnroutableError, type PublishReceipt } from '@interflow/broker';
import { waitFor } from '@interflow/test-kit';
import { createBrokerFixture, type BrokerFixture } from './broker-fixture';

/**
 * Group commit as another connection sees it. A deferred constraint trigger makes every
 * commit that inserted a message wait for an advisory lock the test holds, so the test
 * decides when the publish statement's commit may finish.
 */
describe('PostgreSQL broker: group commit of concurrent single publishes', () => {
  let fixture: BrokerFixture;
  const gateKey = crypto.randomInt(1, 2 ** 31 - 1);

  beforeAll(async () => {
    fixture = await createBrokerFixture();
    const { sql } = fixture.db;
    await sql.unsafe(`
      create function commit_gate() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock_shared(${gateKey}); return null; end $$`);
    await sql`create constraint trigger commit_gate after insert on mq_messages deferrable initially deferred for each row execute function commit_gate()`;
  });
  afterAll(() => fixture.close());

  it('answers each publisher on its own, and none before the commit of its message', async () => {
    const { broker, db } = fixture;
    await broker.declareQueue({ name: 'gc-good' });
    const gate = await db.sql.reserve();
    try {
      await gate`select pg_advisory_lock(${gateKey})`;
      const answers = new Map<string, PublishReceipt | Error>();
      const publish = (name: string, publication: Parameters<typeof broker.publish>[0]) =>
        broker.publish(publication).then(
          (receipt) => void answers.set(name, receipt),
          (error: unknown) => void answers.set(name, error as Error),
        );
      // One turn of the event loop: these eight go to the broker together.
      const published = Promise.all([
        publish('good-1', { exchange: '', routingKey: 'gc-good', message: { payload: 1 } }),
        publish('no-exchange', { exchange: 'gc-missing', routingKey: 'x', message: { payload: 2 } }),
        publish('good-2', { exchange: '', routingKey: 'gc-good', message: { payload: 3 } }),
        publish('unroutable', { exchange: '', routingKey: 'gc-no-such-queue', mandatory: true, message: { payload: 4 } }),
        publish('bigint', { exchange: '', routingKey: 'gc-good', message: { payload: { n: 5n } } }),
        publish('dropped', { exchange: '', routingKey: 'gc-no-such-queue', message: { payload: 6 } }),
        publish('good-3', { exchange: '', routingKey: 'gc-good', message: { payload: 7, dedupeKey: 'k' } }),
        publish('good-3-again', { exchange: '', routingKey: 'gc-good', message: { payload: 8, dedupeKey: 'k' } }),
      ]);
      // The good ones' statement has run and waits at its commit for the gate.
      await waitFor(async () => {
        // The gate's key is random, so no other test's advisory lock is counted.
        const [waiting] = await db.sql<{ n: number }[]>`
          select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${gateKey} and not granted`;
        return (waiting?.n ?? 0) > 0;
      }, { description: 'a publish commit waiting for the gate' });
      expect(answers.get('no-exchange')).toBeInstanceOf(NotFoundError);
      expect(answers.get('unroutable')).toBeInstanceOf(UnroutableError);
      expect(answers.get('bigint')).toBeInstanceOf(ValidationError);
      for (const name of ['good-1', 'good-2', 'good-3', 'good-3-again', 'dropped']) expect(answers.has(name)).toBe(false);
      const [visible] = await db.sql<{ n: number }[]>`select count(*)::int as n from mq_messages where queue = 'gc-good'`;
      expect(visible?.n).toBe(0);

      await gate`select pg_advisory_unlock(${gateKey})`;
      await published;
      const ids = ['good-1', 'good-2', 'good-3'].map((name) => {
        const answer = answers.get(name);
        if (!answer || answer instanceof Error) throw new Error(`${name} was not stored: ${String(answer)}`);
        return answer.messageIds[0];
      });
      expect(answers.get('good-3-again')).toEqual(answers.get('good-3'));
      expect(answers.get('dropped')).toEqual({ messageIds: [], queues: [] });
      const stored = await db.sql<{ id: string; payload: number }[]>`select id::text, payload from mq_messages where queue = 'gc-good' order by id`;
      expect(stored).toEqual([
        { id: ids[0], payload: 1 },
        { id: ids[1], payload: 3 },
        { id: ids[2], payload: 7 },
      ]);
    } finally {
      await gate`select pg_advisory_unlock_all()`;
      gate.release();
    }
  });
});
