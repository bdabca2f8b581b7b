import request from 'supertest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let operator: { Authorization: string };
let viewer: { Authorization: string };

/** Rows in the broker's message table: what "stores nothing" is checked against. */
async function storedMessages(): Promise<number> {
  const [row] = await api.db.sql<{ count: number }[]>`select count(*)::int as count from mq_messages`;
  return row?.count ?? -1;
}

beforeAll(async () => {
  api = await createTestApi();
  operator = api.auth(await api.mintToken('operator'));
  viewer = api.auth(await api.mintToken('viewer'));
  await request(api.app).post('/v1/exchanges').set(operator).send({ name: 'jobs', type: 'direct' }).expect(201);
  await request(api.app).post('/v1/queues').set(operator).send({ name: 'jobs.dead' }).expect(201);
  await request(api.app)
    .post('/v1/queues')
    .set(operator)
    .send({ name: 'jobs.email', policy: { dead_letter_queue: 'jobs.dead', max_attempts: 3 } })
    .expect(201);
  await request(api.app).post('/v1/bindings').set(operator).send({ exchange: 'jobs', queue: 'jobs.email', binding_key: 'email' }).expect(201);
});

afterEach(async () => {
  await api.deps.broker.purgeQueue('jobs.email');
});

afterAll(async () => {
  await api.close();
});

describe('POST /v1/exchanges/{name}/publish', () => {
  it('stores a routed message and answers with its id and queue (the confirm)', async () => {
    const response = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ routing_key: 'email', payload: { to: 'a@example.com' }, priority: 5, headers: { tenant: 'acme' }, correlation_id: 'c-1' })
      .expect(201);
    expect(response.body.queues).toEqual(['jobs.email']);
    expect(response.body.message_ids).toHaveLength(1);
    const peeked = await request(api.app).get('/v1/queues/jobs.email/messages').set(viewer).expect(200);
    expect(peeked.body.items).toEqual([
      expect.objectContaining({
        message_id: response.body.message_ids[0],
        payload: { to: 'a@example.com' },
        priority: 5,
        headers: { tenant: 'acme' },
        correlation_id: 'c-1',
        sender: expect.stringMatching(/^api-token:/),
      }),
    ]);
    expect(peeked.body.items[0]).not.toHaveProperty('delivery_token');
  });

  it('answers 404 for a missing exchange and stores nothing', async () => {
    const before = await storedMessages();
    const response = await request(api.app)
      .post('/v1/exchanges/no-such-exchange/publish')
      .set(operator)
      .send({ routing_key: 'email', payload: {} })
      .expect(404);
    expect(response.body.error).toMatchObject({ code: 'not_found', message: "exchange 'no-such-exchange' does not exist" });
    expect(await storedMessages()).toBe(before);
  });

  it('answers 400 naming priority when it is outside 1–5, and stores nothing', async () => {
    const before = await storedMessages();
    for (const priority of [0, 6, 2.5, 'high']) {
      const response = await request(api.app)
        .post('/v1/exchanges/jobs/publish')
        .set(operator)
        .send({ routing_key: 'email', payload: {}, priority })
        .expect(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'priority' })]);
    }
    expect(await storedMessages()).toBe(before);
    expect((await request(api.app).get('/v1/queues/jobs.email/stats').set(viewer).expect(200)).body.ready).toBe(0);
  });

  it('names other bad fields: missing payload, contradicting delay forms, an unknown field', async () => {
    const noPayload = await request(api.app).post('/v1/exchanges/jobs/publish').set(operator).send({ routing_key: 'email' }).expect(400);
    expect(noPayload.body.error.details).toEqual([expect.objectContaining({ field: 'payload' })]);
    const both = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ routing_key: 'email', payload: 1, delay_ms: 10, not_before: new Date().toISOString() })
      .expect(400);
    expect(both.body.error.details).toEqual([{ field: 'delay_ms', message: 'give delay_ms or not_before, not both' }]);
    const unknown = await request(api.app).post('/v1/exchanges/jobs/publish').set(operator).send({ payload: 1, persistent: true }).expect(400);
    expect(unknown.body.error.details).toEqual([{ field: 'persistent', message: 'unknown field' }]);
  });

  it('publishes a batch in one go, and refuses the whole batch when one message is bad', async () => {
    const batch = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ messages: [{ routing_key: 'email', payload: 1 }, { routing_key: 'sms', payload: 2 }, { routing_key: 'email', payload: 3 }] })
      .expect(201);
    expect((batch.body.receipts as { queues: string[] }[]).map((r) => r.queues)).toEqual([['jobs.email'], [], ['jobs.email']]);
    const before = await storedMessages();
    const bad = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ messages: [{ routing_key: 'email', payload: 4 }, { routing_key: 'email', payload: 5, priority: 9 }] })
      .expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'messages.1.priority' })]);
    const empty = await request(api.app).post('/v1/exchanges/jobs/publish').set(operator).send({ messages: [] }).expect(400);
    expect(empty.body.error.details).toEqual([expect.objectContaining({ field: 'messages' })]);
    expect(await storedMessages()).toBe(before);
  });

  it('drops an unroutable message unless mandatory, which refuses it and stores nothing', async () => {
    const dropped = await request(api.app).post('/v1/exchanges/jobs/publish').set(operator).send({ routing_key: 'fax', payload: 1 }).expect(201);
    expect(dropped.body).toEqual({ message_ids: [], queues: [] });
    const before = await storedMessages();
    const refused = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ routing_key: 'fax', payload: 1, mandatory: true })
      .expect(422);
    expect(refused.body.error.code).toBe('unroutable');
    expect(await storedMessages()).toBe(before);
  });

  it('returns the first id for a dedupe key that is still live', async () => {
    const first = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ routing_key: 'email', payload: 'once', dedupe_key: 'invoice-42' })
      .expect(201);
    const second = await request(api.app)
      .post('/v1/exchanges/jobs/publish')
      .set(operator)
      .send({ routing_key: 'email', payload: 'twice', dedupe_key: 'invoice-42' })
      .expect(201);
    expect(second.body.message_ids).toEqual(first.body.message_ids);
    expect((await request(api.app).get('/v1/queues/jobs.email/stats').set(viewer).expect(200)).body.ready).toBe(1);
  });

  it('is refused to a viewer', async () => {
    await request(api.app).post('/v1/exchanges/jobs/publish').set(viewer).send({ routing_key: 'email', payload: 1 }).expect(403);
  });
});

describe('POST /v1/queues/{name}/publish and peeking', () => {
  it('publishes straight to a queue, and peeking shows the head in claim order without claiming', async () => {
    await request(api.app).post('/v1/queues/jobs.email/publish').set(operator).send({ payload: 'low', priority: 1 }).expect(201);
    await request(api.app).post('/v1/queues/jobs.email/publish').set(operator).send({ payload: 'high', priority: 5 }).expect(201);
    await request(api.app)
      .post('/v1/queues/jobs.email/publish')
      .set(operator)
      .send({ messages: [{ payload: 'mid-1' }, { payload: 'mid-2' }] })
      .expect(201);
    const peeked = await request(api.app).get('/v1/queues/jobs.email/messages').query({ limit: 3 }).set(viewer).expect(200);
    expect((peeked.body.items as { payload: string }[]).map((m) => m.payload)).toEqual(['high', 'mid-1', 'mid-2']);
    const stats = await request(api.app).get('/v1/queues/jobs.email/stats').set(viewer).expect(200);
    expect(stats.body).toMatchObject({ ready: 4, in_flight: 0 });
    const badLimit = await request(api.app).get('/v1/queues/jobs.email/messages').query({ limit: 1000 }).set(viewer).expect(400);
    expect(badLimit.body.error.details).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('answers 429 when a queue with overflow reject_publish is full, and stores nothing more', async () => {
    await request(api.app)
      .post('/v1/queues')
      .set(operator)
      .send({ name: 'bounded', policy: { max_length: 1, overflow: 'reject_publish' } })
      .expect(201);
    await request(api.app).post('/v1/queues/bounded/publish').set(operator).send({ payload: 'fits' }).expect(201);
    const before = await storedMessages();
    const full = await request(api.app).post('/v1/queues/bounded/publish').set(operator).send({ payload: 'overflows' }).expect(429);
    expect(full.body.error).toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining("queue 'bounded' is full") });
    expect(await storedMessages()).toBe(before);
  });

  it('answers 404 for a missing queue and stores nothing', async () => {
    const before = await storedMessages();
    const response = await request(api.app).post('/v1/queues/nowhere/publish').set(operator).send({ payload: 1 }).expect(404);
    expect(response.body.error.message).toBe("queue 'nowhere' does not exist");
    await request(api.app).post('/v1/queues/nowhere/publish').set(operator).send({ messages: [{ payload: 1 }] }).expect(404);
    expect(await storedMessages()).toBe(before);
  });
});

describe('POST /v1/queues/{name}/redrive', () => {
  it('moves dead letters back to the queue they died in', async () => {
    await request(api.app).post('/v1/queues/jobs.email/publish').set(operator).send({ payload: 'poison' }).expect(201);
    const [delivery] = await api.deps.broker.claim('jobs.email', { max: 1 });
    if (!delivery) throw new Error('expected a delivery to reject');
    await api.deps.broker.reject(delivery, 'cannot parse');
    const dead = await request(api.app).get('/v1/queues/jobs.email/stats').set(viewer).expect(200);
    expect(dead.body).toMatchObject({ ready: 0, dead: 1 });
    const peekedDead = await request(api.app).get('/v1/queues/jobs.dead/messages').set(viewer).expect(200);
    expect(peekedDead.body.items[0].deaths).toEqual([expect.objectContaining({ queue: 'jobs.email', reason: 'rejected' })]);

    await request(api.app).post('/v1/queues/jobs.dead/redrive').set(viewer).send({}).expect(403);
    const badMax = await request(api.app).post('/v1/queues/jobs.dead/redrive').set(operator).send({ max: 0 }).expect(400);
    expect(badMax.body.error.details).toEqual([expect.objectContaining({ field: 'max' })]);
    const redriven = await request(api.app).post('/v1/queues/jobs.dead/redrive').set(operator).send({}).expect(200);
    expect(redriven.body).toEqual({ redriven: 1 });
    const after = await request(api.app).get('/v1/queues/jobs.email/stats').set(viewer).expect(200);
    expect(after.body).toMatchObject({ ready: 1, dead: 0 });
  });
});
