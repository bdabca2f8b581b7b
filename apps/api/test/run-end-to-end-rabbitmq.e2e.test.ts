import request from 'supertest';
import { waitFor } from '@interflow/test-kit';
import { expectWaitedGreeting, startRunnerEndToEnd, type RunnerEndToEnd } from './support/runner-end-to-end';

/** The same path with INTERFLOW_BROKER=rabbitmq: the api in process and the runner daemon both on RabbitMQ. */
describe('api → runner → connector, on RabbitMQ', () => {
  let e2e: RunnerEndToEnd;

  beforeAll(async () => {
    e2e = await startRunnerEndToEnd('rabbitmq');
  });

  afterAll(() => e2e?.close());

  it('answers ?wait with the connector response, the run recorded with its attempt', async () => {
    await expectWaitedGreeting(e2e, 'Ada');
  });

  it('a run triggered without waiting goes through the outbox, runs, and its message is finished', async () => {
    const { api, greeter } = e2e;
    const second = await request(api.app).post(`/v1/actions/${greeter.actionId}/runs`).set(api.auth(api.adminToken)).send({ input: { name: 'Grace' } }).expect(202);
    await waitFor(async () => {
      const r = await request(api.app).get(`/v1/runs/${second.body.id}`).set(api.auth(api.adminToken)).expect(200);
      return r.body.status === 'succeeded';
    });
    expect(await api.db.sql`select 1 from rabbitmq_outbox`).toHaveLength(0);
    const [row] = await api.db.sql<{ message_id: string }[]>`select message_id from runs where id = ${second.body.id}`;
    expect(row?.message_id).toMatch(/^\d+$/);
    if (api.broker.kind !== 'rabbitmq') throw new Error('expected the RabbitMQ broker');
    expect(await api.broker.unsettledMessageIds([row!.message_id])).toEqual(new Set());
    expect(await api.broker.locateMessages([row!.message_id])).toEqual(new Map());
  });
});
