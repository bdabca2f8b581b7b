import request from 'supertest';
import { useApiWithRoles } from './support/api-with-roles';

const roles = useApiWithRoles();

const policy = {
  message_ttl_ms: 60_000,
  max_attempts: 4,
  retry_backoff: { initial_delay_ms: 500, multiplier: 2, max_delay_ms: 10_000, jitter: 0.2 },
  dead_letter_queue: 'invoices.dead',
  max_length: 1000,
  overflow: 'reject_publish',
  ack_deadline_ms: 30_000,
};

describe('/v1/queues', () => {
  it('declares a queue with its policy and shows it back', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'invoices.dead' }).expect(201);
    const created = await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'invoices', policy }).expect(201);
    expect(created.headers.location).toBe('/v1/queues/invoices');
    expect(created.body).toMatchObject({ name: 'invoices', policy });
    const got = await request(roles.api.app).get('/v1/queues/invoices').set(roles.viewer).expect(200);
    expect(got.body).toEqual(created.body);
  });

  it('redeclaring changes the policy fields given and keeps the others (200)', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'invoices', policy: { max_attempts: 9 } }).expect(200);
    const got = await request(roles.api.app).get('/v1/queues/invoices').set(roles.viewer).expect(200);
    expect(got.body.policy).toEqual({ ...policy, max_attempts: 9 });
  });

  it('names the bad policy field and stores nothing', async () => {
    const response = await request(roles.api.app)
      .post('/v1/queues')
      .set(roles.operator)
      .send({ name: 'bad-policy', policy: { max_attempts: 0, overflow: 'drop_newest' } })
      .expect(400);
    expect(response.body.error.code).toBe('validation_failed');
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['policy.max_attempts', 'policy.overflow']);
    await request(roles.api.app).get('/v1/queues/bad-policy').set(roles.viewer).expect(404);
  });

  it('refuses a dead-letter queue that does not exist with 404 and stores nothing', async () => {
    const response = await request(roles.api.app)
      .post('/v1/queues')
      .set(roles.operator)
      .send({ name: 'orphan', policy: { dead_letter_queue: 'missing.dead' } })
      .expect(404);
    expect(response.body.error.message).toBe("queue 'missing.dead' does not exist");
    await request(roles.api.app).get('/v1/queues/orphan').set(roles.viewer).expect(404);
    const itself = await request(roles.api.app)
      .post('/v1/queues')
      .set(roles.operator)
      .send({ name: 'selfish', policy: { dead_letter_queue: 'selfish' } })
      .expect(400);
    expect(itself.body.error.details).toEqual([{ field: 'policy.dead_letter_queue', message: 'a queue cannot be its own dead-letter queue' }]);
  });

  it('lists queues by name in pages', async () => {
    for (const name of ['list-2', 'list-1', 'list-3']) {
      await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name }).expect(201);
    }
    const first = await request(roles.api.app).get('/v1/queues').query({ limit: 2 }).set(roles.viewer).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.next_cursor).toBe('string');
    const all = await request(roles.api.app).get('/v1/queues').query({ limit: 500 }).set(roles.viewer).expect(200);
    const names = (all.body.items as { name: string }[]).map((queue) => queue.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['list-1', 'list-2', 'list-3', 'invoices']));
    expect(all.body.next_cursor).toBeNull();
  });

  it('shows stats of a queue: depth by state, dead letters and rates', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'counted' }).expect(201);
    await request(roles.api.app).post('/v1/queues/counted/publish').set(roles.operator).send({ payload: { n: 1 } }).expect(201);
    await request(roles.api.app).post('/v1/queues/counted/publish').set(roles.operator).send({ payload: { n: 2 }, delay_ms: 3_600_000 }).expect(201);
    const stats = await request(roles.api.app).get('/v1/queues/counted/stats').set(roles.viewer).expect(200);
    expect(stats.body).toMatchObject({ queue: 'counted', ready: 1, delayed: 1, in_flight: 0, dead: 0 });
    expect(stats.body.published_per_second).toBeGreaterThan(0);
    expect(typeof stats.body.acked_per_second).toBe('number');
  });

  it('purges the waiting messages of a queue', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'purged' }).expect(201);
    await request(roles.api.app)
      .post('/v1/queues/purged/publish')
      .set(roles.operator)
      .send({ messages: [{ payload: 1 }, { payload: 2 }, { payload: 3 }] })
      .expect(201);
    const response = await request(roles.api.app).post('/v1/queues/purged/purge').set(roles.operator).expect(200);
    expect(response.body).toEqual({ purged: 3 });
    const stats = await request(roles.api.app).get('/v1/queues/purged/stats').set(roles.viewer).expect(200);
    expect(stats.body).toMatchObject({ ready: 0, delayed: 0, in_flight: 0 });
  });

  it('deletes a queue; with if_empty=true only when it holds nothing', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.operator).send({ name: 'busy' }).expect(201);
    await request(roles.api.app).post('/v1/queues/busy/publish').set(roles.operator).send({ payload: 'keep me' }).expect(201);
    const refused = await request(roles.api.app).delete('/v1/queues/busy').query({ if_empty: 'true' }).set(roles.operator).expect(409);
    expect(refused.body.error.message).toBe("queue 'busy' still holds 1 messages");
    expect((await request(roles.api.app).get('/v1/queues/busy/stats').set(roles.viewer).expect(200)).body.ready).toBe(1);
    await request(roles.api.app).delete('/v1/queues/busy').set(roles.operator).expect(204);
    await request(roles.api.app).get('/v1/queues/busy').set(roles.viewer).expect(404);
  });

  it('answers 404 naming the queue for every operation on a missing one', async () => {
    const calls = [
      request(roles.api.app).get('/v1/queues/ghost').set(roles.viewer),
      request(roles.api.app).delete('/v1/queues/ghost').set(roles.operator),
      request(roles.api.app).get('/v1/queues/ghost/stats').set(roles.viewer),
      request(roles.api.app).post('/v1/queues/ghost/purge').set(roles.operator),
      request(roles.api.app).get('/v1/queues/ghost/messages').set(roles.viewer),
      request(roles.api.app).post('/v1/queues/ghost/redrive').set(roles.operator).send({}),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: 'not_found', message: "queue 'ghost' does not exist" });
    }
  });

  it('needs operator to change queues and viewer to read them', async () => {
    await request(roles.api.app).post('/v1/queues').set(roles.viewer).send({ name: 'by-viewer' }).expect(403);
    await request(roles.api.app).post('/v1/queues/invoices/purge').set(roles.viewer).expect(403);
    await request(roles.api.app).get('/v1/queues/invoices/stats').expect(401);
    await request(roles.api.app).get('/v1/queues/by-viewer').set(roles.viewer).expect(404);
  });
});
