import request from 'supertest';
import { useApiWithRoles } from './support/api-with-roles';

const roles = useApiWithRoles();

describe('/v1/exchanges', () => {
  it('declares an exchange (201), redeclares it idempotently (200) and gets it', async () => {
    const created = await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'orders', type: 'topic' }).expect(201);
    expect(created.headers.location).toBe('/v1/exchanges/orders');
    expect(created.body).toMatchObject({ name: 'orders', type: 'topic', alternate_exchange: null });
    expect(typeof created.body.created_at).toBe('string');
    await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'orders', type: 'topic' }).expect(200);
    const got = await request(roles.api.app).get('/v1/exchanges/orders').set(roles.viewer).expect(200);
    expect(got.body).toEqual(created.body);
  });

  it('refuses redeclaring an exchange with another type (409) and keeps the first', async () => {
    await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'typed', type: 'direct' }).expect(201);
    const response = await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'typed', type: 'fanout' }).expect(409);
    expect(response.body.error.code).toBe('conflict');
    expect((await request(roles.api.app).get('/v1/exchanges/typed').set(roles.viewer).expect(200)).body.type).toBe('direct');
  });

  it('names the bad field of an invalid declaration and stores nothing', async () => {
    const badType = await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'bad-type', type: 'broadcast' }).expect(400);
    expect(badType.body.error.code).toBe('validation_failed');
    expect(badType.body.error.details).toEqual([expect.objectContaining({ field: 'type' })]);
    const badName = await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'has space', type: 'direct' }).expect(400);
    expect(badName.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    const unknownField = await request(roles.api.app)
      .post('/v1/exchanges')
      .set(roles.operator)
      .send({ name: 'extra', type: 'direct', durable: true })
      .expect(400);
    expect(unknownField.body.error.details).toEqual([{ field: 'durable', message: 'unknown field' }]);
    for (const name of ['bad-type', 'extra']) await request(roles.api.app).get(`/v1/exchanges/${name}`).set(roles.viewer).expect(404);
  });

  it('refuses an alternate exchange that does not exist with 404', async () => {
    const response = await request(roles.api.app)
      .post('/v1/exchanges')
      .set(roles.operator)
      .send({ name: 'with-alternate', type: 'direct', alternate_exchange: 'nowhere' })
      .expect(404);
    expect(response.body.error).toMatchObject({ code: 'not_found', message: "exchange 'nowhere' does not exist" });
    await request(roles.api.app).get('/v1/exchanges/with-alternate').set(roles.viewer).expect(404);
    const itself = await request(roles.api.app)
      .post('/v1/exchanges')
      .set(roles.operator)
      .send({ name: 'orders', type: 'topic', alternate_exchange: 'orders' })
      .expect(400);
    expect(itself.body.error.details).toEqual([{ field: 'alternate_exchange', message: 'an exchange cannot be its own alternate' }]);
  });

  it('lists exchanges by name, a page at a time', async () => {
    for (const name of ['page-c', 'page-a', 'page-b']) {
      await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name, type: 'fanout' }).expect(201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const query: Record<string, string | number> = { limit: 2, ...(cursor ? { cursor } : {}) };
      const response = await request(roles.api.app).get('/v1/exchanges').query(query).set(roles.viewer).expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      names.push(...(response.body.items as { name: string }[]).map((item) => item.name));
      cursor = response.body.next_cursor as string | null;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    const pageNames = names.filter((name) => name.startsWith('page-'));
    expect(pageNames).toEqual(['page-a', 'page-b', 'page-c']);
    expect(names).toEqual([...names].sort());
  });

  it('refuses a cursor it did not produce and a limit out of range, naming the field', async () => {
    const cursor = await request(roles.api.app).get('/v1/exchanges').query({ cursor: 'garbage!' }).set(roles.viewer).expect(400);
    expect(cursor.body.error.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const limit = await request(roles.api.app).get('/v1/exchanges').query({ limit: 0 }).set(roles.viewer).expect(400);
    expect(limit.body.error.details).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('deletes an exchange (204), then answers 404 for it', async () => {
    await request(roles.api.app).post('/v1/exchanges').set(roles.operator).send({ name: 'doomed', type: 'direct' }).expect(201);
    await request(roles.api.app).delete('/v1/exchanges/doomed').set(roles.operator).expect(204);
    await request(roles.api.app).get('/v1/exchanges/doomed').set(roles.viewer).expect(404);
    const again = await request(roles.api.app).delete('/v1/exchanges/doomed').set(roles.operator).expect(404);
    expect(again.body.error.message).toBe("exchange 'doomed' does not exist");
  });

  it('lets a viewer read but not change, and refuses requests without a token', async () => {
    await request(roles.api.app).get('/v1/exchanges').set(roles.viewer).expect(200);
    const forbidden = await request(roles.api.app).post('/v1/exchanges').set(roles.viewer).send({ name: 'by-viewer', type: 'direct' }).expect(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    await request(roles.api.app).delete('/v1/exchanges/orders').set(roles.viewer).expect(403);
    await request(roles.api.app).get('/v1/exchanges').expect(401);
    await request(roles.api.app).get('/v1/exchanges/by-viewer').set(roles.viewer).expect(404);
  });
});
