import request from 'supertest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ bodyLimit: '2kb' });
});

afterAll(async () => {
  await api.close();
});

describe('api hygiene', () => {
  it('refuses a body over the limit with 413 in the error shape', async () => {
    const response = await request(api.app)
      .post('/v1/tokens')
      .set(api.auth(api.adminToken))
      .send({ name: 'x'.repeat(4000), role: 'viewer' })
      .expect(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const response = await request(api.app)
      .post('/v1/tokens')
      .set(api.auth(api.adminToken))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.error.code).toBe('invalid_json');
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const response = await request(api.app).get('/v1/nothing-here').set(api.auth(api.adminToken)).expect(404);
    expect(response.body.error.code).toBe('route_not_found');
  });

  it('reports a missing body as the missing required fields', async () => {
    const response = await request(api.app).post('/v1/tokens').set(api.auth(api.adminToken)).expect(400);
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['name', 'role']);
  });
});
