import request from 'supertest';
import { useApiWithRoles } from './support/api-with-roles';

const roles = useApiWithRoles();

beforeAll(async () => {
  for (const [name, type] of [
    ['events', 'topic'],
    ['by-headers', 'headers'],
  ]) {
    await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name, type }).expect(201);
  }
  for (const name of ['audit', 'billing']) await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name }).expect(201);
});

describe('/v1/bindings', () => {
  it('binds a queue with a topic pattern, and the exchange then routes by it', async () => {
    const created = await request(roles.api.app)
      .post('/v1/bindings')
      .set(roles.operator)
      .send({ exchange: 'events', queue: 'audit', binding_key: 'order.#' })
      .expect(201);
    expect(created.body).toMatchObject({ exchange: 'events', queue: 'audit', binding_key: 'order.#', headers_match: 'all' });
    expect(created.headers.location).toBe(`/v1/bindings/${created.body.id}`);
    const routed = await request(roles.api.app)
      .post('/v1/exchanges/events/publish')
      .set(roles.operator)
      .send({ routing_key: 'order.created.eu', payload: { order: 1 } })
      .expect(201);
    expect(routed.body.queues).toEqual(['audit']);
    const got = await request(roles.api.app).get(`/v1/bindings/${created.body.id}`).set(roles.viewer).expect(200);
    expect(got.body).toEqual(created.body);
  });

  it('binds with headers on a headers exchange, and refuses a headers binding without headers', async () => {
    const created = await request(roles.api.app)
      .post('/v1/bindings')
      .set(roles.operator)
      .send({ exchange: 'by-headers', queue: 'billing', headers: { region: 'eu', tier: 1 }, headers_match: 'any' })
      .expect(201);
    expect(created.body).toMatchObject({ headers: { region: 'eu', tier: 1 }, headers_match: 'any' });
    const missing = await request(roles.api.app).post('/v1/bindings').set(roles.operator).send({ exchange: 'by-headers', queue: 'audit' }).expect(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'headers' })]);
  });

  it('lists bindings filtered by queue or exchange, in pages', async () => {
    const byQueue = await request(roles.api.app).get('/v1/bindings').query({ queue: 'billing' }).set(roles.viewer).expect(200);
    expect((byQueue.body.items as { queue: string }[]).map((b) => b.queue)).toEqual(['billing']);
    const byExchange = await request(roles.api.app).get('/v1/bindings').query({ exchange: 'events' }).set(roles.viewer).expect(200);
    expect((byExchange.body.items as { exchange: string }[]).every((b) => b.exchange === 'events')).toBe(true);
    const first = await request(roles.api.app).get('/v1/bindings').query({ limit: 1 }).set(roles.viewer).expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await request(roles.api.app).get('/v1/bindings').query({ limit: 1, cursor: first.body.next_cursor }).set(roles.viewer).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('answers 404 naming the missing exchange or queue, and binds nothing', async () => {
    const noExchange = await request(roles.api.app).post('/v1/bindings').set(roles.operator).send({ exchange: 'nope', queue: 'audit' }).expect(404);
    expect(noExchange.body.error.message).toBe("exchange 'nope' does not exist");
    const noQueue = await request(roles.api.app).post('/v1/bindings').set(roles.operator).send({ exchange: 'events', queue: 'nope' }).expect(404);
    expect(noQueue.body.error.message).toBe("queue 'nope' does not exist");
    const invalid = await request(roles.api.app).post('/v1/bindings').set(roles.operator).send({ exchange: 'events' }).expect(400);
    expect(invalid.body.error.details).toEqual([expect.objectContaining({ field: 'queue' })]);
    const all = await request(roles.api.app).get('/v1/bindings').query({ limit: 500 }).set(roles.viewer).expect(200);
    expect(all.body.items).toHaveLength(2);
  });

  it('unbinds (204): the exchange stops routing to the queue', async () => {
    const binding = await request(roles.api.app)
      .post('/v1/bindings')
      .set(roles.operator)
      .send({ exchange: 'events', queue: 'billing', binding_key: 'invoice.*' })
      .expect(201);
    await request(roles.api.app).delete(`/v1/bindings/${binding.body.id}`).set(roles.viewer).expect(403);
    await request(roles.api.app).delete(`/v1/bindings/${binding.body.id}`).set(roles.operator).expect(204);
    await request(roles.api.app).get(`/v1/bindings/${binding.body.id}`).set(roles.viewer).expect(404);
    await request(roles.api.app).delete(`/v1/bindings/${binding.body.id}`).set(roles.operator).expect(404);
    const routed = await request(roles.api.app)
      .post('/v1/exchanges/events/publish')
      .set(roles.operator)
      .send({ routing_key: 'invoice.paid', payload: {} })
      .expect(201);
    expect(routed.body.queues).toEqual([]);
  });
});
