import request from 'supertest';
import { createDeployment, createService, uniqueName } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('/v1/services', () => {
  it('registers a service, shows its signing secret once and seals it at rest', async () => {
    const created = await createService(api);
    expect(created.signing_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const fetched = await request(api.app).get(`/v1/services/${created.id}`).set(api.auth(await api.mintToken('viewer'))).expect(200);
    expect(fetched.body.signing_secret).toBeUndefined();
    expect(fetched.body.methods.map((m: { name: string }) => m.name)).toEqual(['greet', 'ping']);
    expect(fetched.body.methods[1]).toMatchObject({ http_method: 'POST', input_schema: null });
    const [raw] = await api.db.sql<{ row: string }[]>`select row_to_json(s)::text as row from services s where id = ${created.id}`;
    expect(raw?.row).not.toContain(created.signing_secret);
  });

  it('keeps a signing secret given at registration', async () => {
    const secret = 'a-secret-the-connector-was-configured-with-0001';
    const created = await createService(api, { signing_secret: secret });
    expect(created.signing_secret).toBe(secret);
  });

  it('refuses an invalid JSON Schema or duplicate method, naming the field, and stores nothing', async () => {
    const name = uniqueName('bad');
    const response = await request(api.app)
      .post('/v1/services')
      .set(api.auth(api.adminToken))
      .send({
        name,
        base_url: 'http://127.0.0.1:9',
        methods: [
          { name: 'a', path: '/a', input_schema: { type: 'no-such-type' } },
          { name: 'a', path: '/b' },
        ],
      })
      .expect(400);
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['methods.0.input_schema', 'methods.1.name']);
    const rows = await api.db.sql`select 1 from services where name = ${name}`;
    expect(rows).toHaveLength(0);

    const badUrl = await request(api.app).post('/v1/services').set(api.auth(api.adminToken)).send({ name, base_url: 'ftp://x' }).expect(400);
    expect(badUrl.body.error.details[0].field).toBe('base_url');
  });

  it('refuses a duplicate name with 409', async () => {
    const first = await createService(api);
    const response = await request(api.app)
      .post('/v1/services')
      .set(api.auth(api.adminToken))
      .send({ name: first.name, base_url: 'http://127.0.0.1:9' })
      .expect(409);
    expect(response.body.error.code).toBe('conflict');
  });

  it('lets viewers read but not change, and scoped tokens not change either', async () => {
    const viewer = await api.mintToken('viewer');
    await request(api.app).get('/v1/services').set(api.auth(viewer)).expect(200);
    await request(api.app).post('/v1/services').set(api.auth(viewer)).send({ name: uniqueName('v'), base_url: 'http://x.example' }).expect(403);
    const scoped = await api.mintToken('operator', { deploymentScopes: ['00000000-0000-4000-8000-000000000001'] });
    await request(api.app).post('/v1/services').set(api.auth(scoped)).send({ name: uniqueName('s'), base_url: 'http://x.example' }).expect(403);
  });

  it('updates a service, but refuses to drop a method actions use', async () => {
    const service = await createService(api);
    const patched = await request(api.app)
      .patch(`/v1/services/${service.id}`)
      .set(api.auth(api.adminToken))
      .send({ description: 'talks to the bank', base_url: 'http://127.0.0.1:10' })
      .expect(200);
    expect(patched.body).toMatchObject({ description: 'talks to the bank', base_url: 'http://127.0.0.1:10' });

    const deployment = await createDeployment(api, service.id);
    await request(api.app)
      .post('/v1/actions')
      .set(api.auth(api.adminToken))
      .send({ name: uniqueName('uses-ping'), deployment_id: deployment.id, method: 'ping' })
      .expect(201);
    const refused = await request(api.app)
      .patch(`/v1/services/${service.id}`)
      .set(api.auth(api.adminToken))
      .send({ methods: [{ name: 'greet', path: '/greet' }] })
      .expect(409);
    expect(refused.body.error.message).toContain('(ping)');
  });

  it('refuses to delete a service deployments use, naming them, and deletes an unused one', async () => {
    const service = await createService(api);
    const deployment = await createDeployment(api, service.id);
    const refused = await request(api.app).delete(`/v1/services/${service.id}`).set(api.auth(api.adminToken)).expect(409);
    expect(refused.body.error.details.deployments).toEqual([{ id: deployment.id, name: deployment.name }]);

    const unused = await createService(api);
    await request(api.app).delete(`/v1/services/${unused.id}`).set(api.auth(api.adminToken)).expect(204);
    await request(api.app).get(`/v1/services/${unused.id}`).set(api.auth(api.adminToken)).expect(404);
  });

  it('never leaves a deployment without its service when a delete races a create', async () => {
    for (let i = 0; i < 5; i++) {
      const service = await createService(api);
      const [deleted, created] = await Promise.all([
        request(api.app).delete(`/v1/services/${service.id}`).set(api.auth(api.adminToken)),
        request(api.app).post('/v1/deployments').set(api.auth(api.adminToken)).send({ name: uniqueName('race'), service_id: service.id }),
      ]);
      expect([[204, 404], [409, 201]]).toContainEqual([deleted.status, created.status]);
    }
  });

  it('rotates the signing secret', async () => {
    const service = await createService(api);
    const rotated = await request(api.app).post(`/v1/services/${service.id}/signing-secret`).set(api.auth(api.adminToken)).send({}).expect(200);
    expect(rotated.body.signing_secret).not.toBe(service.signing_secret);
    await request(api.app)
      .post('/v1/services/00000000-0000-4000-8000-000000000000/signing-secret')
      .set(api.auth(api.adminToken))
      .send({})
      .expect(404);
  });

  it('pages through services', async () => {
    await createService(api);
    await createService(api);
    const first = await request(api.app).get('/v1/services').query({ limit: 1 }).set(api.auth(api.adminToken)).expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await request(api.app)
      .get('/v1/services')
      .query({ limit: 1, cursor: first.body.next_cursor })
      .set(api.auth(api.adminToken))
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});
