import request from 'supertest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let operator: string;

beforeAll(async () => {
  api = await createTestApi();
  operator = await api.mintToken('operator');
});

afterAll(async () => {
  await api.close();
});

const objects = [{ kind: 'Queue', name: 'orders', id: 'orders' }];

describe('/v1/apply-sets', () => {
  it('creates with If-None-Match: *, and refuses a second create with 412', async () => {
    const created = await request(api.app)
      .put('/v1/apply-sets/first')
      .set(api.auth(operator))
      .set('If-None-Match', '*')
      .send({ objects })
      .expect(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ name: 'first', objects, version: 1, etag: '"1"' });
    const again = await request(api.app).put('/v1/apply-sets/first').set(api.auth(operator)).set('If-None-Match', '*').send({ objects: [] });
    expect(again.status).toBe(412);
    const stored = await request(api.app).get('/v1/apply-sets/first').set(api.auth(operator)).expect(200);
    expect(stored.body.objects).toEqual(objects);
  });

  it('writes over the version read, and refuses a stale If-Match without changing anything', async () => {
    await request(api.app).put('/v1/apply-sets/second').set(api.auth(operator)).send({ objects }).expect(200);
    const read = await request(api.app).get('/v1/apply-sets/second').set(api.auth(operator)).expect(200);
    const next = [...objects, { kind: 'Exchange', name: 'events', id: 'events' }];
    await request(api.app).put('/v1/apply-sets/second').set(api.auth(operator)).set('If-Match', read.headers.etag as string).send({ objects: next }).expect(200);
    const stale = await request(api.app).put('/v1/apply-sets/second').set(api.auth(operator)).set('If-Match', read.headers.etag as string).send({ objects: [] });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const stored = await request(api.app).get('/v1/apply-sets/second').set(api.auth(operator)).expect(200);
    expect([stored.body.version, stored.body.objects]).toEqual([2, next]);
  });

  it('names the wrong field, refuses viewers and scoped tokens, and forgets a set', async () => {
    const invalid = await request(api.app).put('/v1/apply-sets/third').set(api.auth(operator)).send({ objects: [{ kind: 'Queue' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field)).toEqual(['objects.0.name', 'objects.0.id']);
    const viewer = await api.mintToken('viewer');
    expect((await request(api.app).put('/v1/apply-sets/third').set(api.auth(viewer)).send({ objects })).status).toBe(403);
    const scoped = await api.mintToken('operator', { deploymentScopes: ['00000000-0000-4000-8000-000000000001'] });
    expect((await request(api.app).put('/v1/apply-sets/third').set(api.auth(scoped)).send({ objects })).status).toBe(403);
    await request(api.app).put('/v1/apply-sets/third').set(api.auth(operator)).send({ objects }).expect(200);
    await request(api.app).delete('/v1/apply-sets/third').set(api.auth(operator)).expect(204);
    await request(api.app).get('/v1/apply-sets/third').set(api.auth(operator)).expect(404);
  });
});
