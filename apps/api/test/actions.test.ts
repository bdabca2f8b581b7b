import request from 'supertest';
import { createAction, createActionChain, createDeployment, createService, uniqueName } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('/v1/actions', () => {
  it('creates an action with defaults, a webhook URL shown once and its queue declared', async () => {
    const { action } = await createActionChain(api, { default_input: { times: 2 } });
    expect(action.webhook_path).toMatch(/^\/v1\/hooks\/whk_[A-Za-z0-9_-]{43}$/);
    expect(action.webhook_url.endsWith(action.webhook_path)).toBe(true);
    const fetched = await request(api.app).get(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(fetched.body).toMatchObject({
      method: 'greet',
      default_input: { times: 2 },
      timeout_ms: 30000,
      retry_policy: { max_attempts: 3 },
      cache_ttl_ms: null,
      queue: 'interflow.actions',
      webhook_enabled: true,
    });
    expect(fetched.body.webhook_path).toBeUndefined();
    expect(await api.broker.getQueue('interflow.actions')).not.toBeNull();
  });

  it("refuses a method the deployment's service does not offer, naming the ones it does", async () => {
    const service = await createService(api);
    const deployment = await createDeployment(api, service.id);
    const name = uniqueName('act');
    const response = await request(api.app)
      .post('/v1/actions')
      .set(api.auth(api.adminToken))
      .send({ name, deployment_id: deployment.id, method: 'launch' })
      .expect(400);
    expect(response.body.error.details).toEqual([{ field: 'method', message: expect.stringContaining('greet, ping') }]);
    expect(await api.db.sql`select 1 from actions where name = ${name}`).toHaveLength(0);
  });

  it('checks the default input against the method schema (required fields may be left out)', async () => {
    const service = await createService(api);
    const deployment = await createDeployment(api, service.id);
    const response = await request(api.app)
      .post('/v1/actions')
      .set(api.auth(api.adminToken))
      .send({ name: uniqueName('act'), deployment_id: deployment.id, method: 'greet', default_input: { times: 0, colour: 'red' } })
      .expect(400);
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['default_input', 'default_input.times']);
    await createAction(api, deployment.id, { default_input: { times: 3 } });
  });

  it('updates, lists by deployment and deletes', async () => {
    const { deployment, action } = await createActionChain(api);
    const missing = await request(api.app)
      .patch(`/v1/actions/${action.id}`)
      .set(api.auth(api.adminToken))
      .send({ result_route: { exchange: 'results', routing_key: 'greeted' } })
      .expect(400);
    expect(missing.body.error.details[0].field).toBe('result_route.exchange');
    await api.broker.declareExchange({ name: 'results', type: 'topic' });
    const patched = await request(api.app)
      .patch(`/v1/actions/${action.id}`)
      .set(api.auth(api.adminToken))
      .send({
        timeout_ms: 5000,
        cache_ttl_ms: 60000,
        retry_policy: { max_attempts: 5, initial_delay_ms: 10, multiplier: 2, max_delay_ms: 1000 },
        result_route: { exchange: 'results', routing_key: 'greeted' },
        queue: 'interflow.actions.greetings',
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      timeout_ms: 5000,
      cache_ttl_ms: 60000,
      result_route: { exchange: 'results', routing_key: 'greeted' },
      queue: 'interflow.actions.greetings',
    });
    expect(await api.broker.getQueue('interflow.actions.greetings')).not.toBeNull();
    await request(api.app).patch(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).send({ method: 'nope' }).expect(400);

    const listed = await request(api.app).get('/v1/actions').query({ deployment_id: deployment.id }).set(api.auth(api.adminToken)).expect(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([action.id]);
    await request(api.app).delete(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).expect(204);
    await request(api.app).get(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).expect(404);
  });

  it('does not let a viewer create or change actions, nor a scoped token see others', async () => {
    const { deployment, action } = await createActionChain(api);
    const viewer = await api.mintToken('viewer');
    await request(api.app).get(`/v1/actions/${action.id}`).set(api.auth(viewer)).expect(200);
    await request(api.app).patch(`/v1/actions/${action.id}`).set(api.auth(viewer)).send({ timeout_ms: 1 }).expect(403);
    await request(api.app)
      .post('/v1/actions')
      .set(api.auth(viewer))
      .send({ name: uniqueName('a'), deployment_id: deployment.id, method: 'greet' })
      .expect(403);
    const scoped = await api.mintToken('operator', { deploymentScopes: ['00000000-0000-4000-8000-000000000001'] });
    await request(api.app).get(`/v1/actions/${action.id}`).set(api.auth(scoped)).expect(404);
    const listed = await request(api.app).get('/v1/actions').set(api.auth(scoped)).expect(200);
    expect(listed.body.items).toEqual([]);
  });

  it('marks an action as a poller, refuses a path JMESPath cannot read, and unmarks it', async () => {
    const created = await createActionChain(api);
    const action = (await request(api.app).get(`/v1/actions/${created.action.id}`).set(api.auth(api.adminToken)).expect(200)).body as { id: string; etag: string; poller: unknown };
    expect(action.poller).toBeNull();
    const refused = await request(api.app)
      .patch(`/v1/actions/${action.id}`)
      .set(api.auth(api.adminToken))
      .send({ poller: { items: 'data[', id: 'id', snapshot: true } })
      .expect(400);
    expect(refused.body.error.details).toEqual([{ field: 'poller.items', message: expect.stringContaining('not a JMESPath expression') }]);
    const missing = await request(api.app).patch(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).send({ poller: { id: 'id' } }).expect(400);
    expect(missing.body.error.details).toEqual([{ field: 'poller.snapshot', message: expect.any(String) }]);
    const marked = await request(api.app)
      .patch(`/v1/actions/${action.id}`)
      .set(api.auth(api.adminToken))
      .send({ poller: { items: 'data', id: 'id', snapshot: false } })
      .expect(200);
    expect(marked.body.poller).toEqual({ items: 'data', id: 'id', hash: null, snapshot: false });
    expect(marked.body.etag).not.toBe(action.etag);
    const unmarked = await request(api.app).patch(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).send({ poller: null }).expect(200);
    expect(unmarked.body.poller).toBeNull();
  });

  it('rotates and disables the webhook', async () => {
    const { action } = await createActionChain(api);
    const rotated = await request(api.app).post(`/v1/actions/${action.id}/webhook`).set(api.auth(api.adminToken)).expect(200);
    expect(rotated.body.webhook_path).not.toBe(action.webhook_path);
    await request(api.app).post(action.webhook_path).send({ name: 'x' }).expect(404);
    await request(api.app).delete(`/v1/actions/${action.id}/webhook`).set(api.auth(api.adminToken)).expect(204);
    await request(api.app).post(rotated.body.webhook_path).send({ name: 'x' }).expect(404);
    const fetched = await request(api.app).get(`/v1/actions/${action.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(fetched.body.webhook_enabled).toBe(false);
  });
});

describe('/v1/actions/:id/states', () => {
  it('records a batch, answers new / changed / seen, lists and forgets', async () => {
    const { action } = await createActionChain(api);
    const operator = await api.mintToken('operator');
    const first = await request(api.app)
      .post(`/v1/actions/${action.id}/states`)
      .set(api.auth(operator))
      .send({ items: [{ fid: 'inv-1', nonce: 'h1' }, { fid: 'inv-2', nonce: 'h1' }] })
      .expect(200);
    expect(first.body.items.map((i: { status: string }) => i.status)).toEqual(['new', 'new']);
    const second = await request(api.app)
      .post(`/v1/actions/${action.id}/states`)
      .set(api.auth(operator))
      .send({ items: [{ fid: 'inv-1', nonce: 'h1' }, { fid: 'inv-2', nonce: 'h2' }, { nonce: 'only-content' }] })
      .expect(200);
    expect(second.body.items).toEqual([
      { fid: 'inv-1', nonce: 'h1', status: 'seen' },
      { fid: 'inv-2', nonce: 'h2', status: 'changed' },
      { fid: null, nonce: 'only-content', status: 'new' },
    ]);

    const listed = await request(api.app).get(`/v1/actions/${action.id}/states`).set(api.auth(api.adminToken)).expect(200);
    expect(listed.body.items.map((s: { fid: string | null; nonce: string }) => [s.fid, s.nonce])).toEqual([
      ['inv-1', 'h1'],
      ['inv-2', 'h2'],
      [null, 'only-content'],
    ]);
    const one = await request(api.app).delete(`/v1/actions/${action.id}/states`).query({ fid: 'inv-1' }).set(api.auth(api.adminToken)).expect(200);
    expect(one.body.deleted).toBe(1);
    const again = await request(api.app)
      .post(`/v1/actions/${action.id}/states`)
      .set(api.auth(operator))
      .send({ items: [{ fid: 'inv-1', nonce: 'h1' }] })
      .expect(200);
    expect(again.body.items[0].status).toBe('new');
    const all = await request(api.app).delete(`/v1/actions/${action.id}/states`).set(api.auth(api.adminToken)).expect(200);
    expect(all.body.deleted).toBe(3);
  });

  it('refuses a bad batch naming the item, and a viewer', async () => {
    const { action } = await createActionChain(api);
    const bad = await request(api.app)
      .post(`/v1/actions/${action.id}/states`)
      .set(api.auth(api.adminToken))
      .send({ items: [{ fid: 'a' }, {}, { fid: 'a' }] })
      .expect(400);
    expect(bad.body.error.details[0].field).toBe('items.1');
    const duplicate = await request(api.app)
      .post(`/v1/actions/${action.id}/states`)
      .set(api.auth(api.adminToken))
      .send({ items: [{ fid: 'a' }, { fid: 'a' }] })
      .expect(400);
    expect(duplicate.body.error.details[0].field).toBe('items.1');
    expect(await api.db.sql`select 1 from action_states where action_id = ${action.id}`).toHaveLength(0);
    const viewer = await api.mintToken('viewer');
    await request(api.app).post(`/v1/actions/${action.id}/states`).set(api.auth(viewer)).send({ items: [{ fid: 'v' }] }).expect(403);
  });
});
