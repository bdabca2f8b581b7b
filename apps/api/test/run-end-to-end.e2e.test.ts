import request from 'supertest';
import { waitFor } from '@interflow/test-kit';
import { expectWaitedGreeting, startRunnerEndToEnd, type RunnerEndToEnd } from './support/runner-end-to-end';

/**
 * The whole path through real processes: the api (in process) registers a connector
 * built with the SDK, the built runner daemon executes the runs, and `?wait` receives the
 * runner's reply on the api's reply queue.
 */
describe('api → runner → connector', () => {
  let e2e: RunnerEndToEnd;
  let cachedActionId: string;

  beforeAll(async () => {
    e2e = await startRunnerEndToEnd('postgres');
    const cached = await request(e2e.api.app)
      .post('/v1/actions')
      .set(e2e.api.auth(e2e.api.adminToken))
      .send({ name: 'greet-cached', deployment_id: e2e.greeter.deploymentId, method: 'greet', cache_ttl_ms: 600_000 })
      .expect(201);
    cachedActionId = cached.body.id;
  });

  afterAll(() => e2e?.close());

  it('answers ?wait with the connector response, the run recorded with its attempt', async () => {
    await expectWaitedGreeting(e2e, 'Ada');
  });

  it('runs through the webhook and waits for it too', async () => {
    const response = await request(e2e.api.app).post(e2e.greeter.webhookPath).query({ wait: 60 }).send({ name: 'Hook' }).expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', trigger: 'webhook', response: { greeting: 'hello Hook' } });
  });

  it('answers a repeated input from the cache the runner filled, without calling the connector', async () => {
    const { api, connector } = e2e;
    const first = await request(api.app)
      .post(`/v1/actions/${cachedActionId}/runs`)
      .query({ wait: 60 })
      .set(api.auth(api.adminToken))
      .send({ input: { name: 'Cache' } })
      .expect(200);
    expect(first.body.from_cache).toBe(false);
    await waitFor(async () => (await api.db.sql`select 1 from response_cache where action_id = ${cachedActionId}`).length > 0, {
      description: 'the runner to fill the response cache',
    });
    const callsBefore = connector.calls.filter((c) => c.name === 'Cache').length;
    const second = await request(api.app).post(`/v1/actions/${cachedActionId}/runs`).set(api.auth(api.adminToken)).send({ input: { name: 'Cache' } });
    expect(second.body.from_cache).toBe(true);
    expect(second.status).toBe(200);
    expect(second.body.response).toEqual({ greeting: 'hello Cache' });
    expect(connector.calls.filter((c) => c.name === 'Cache').length).toBe(callsBefore);
  });
});
