import request from 'supertest';
import { listExpressRoutes } from './support/express-routes';
import { createActionChain } from './support/fixtures';
import { tableDigest } from './support/table-digest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

const PUBLIC = new Set(['get /healthz', 'get /readyz', 'get /metrics', 'get /openapi.json', 'post /v1/hooks/{secret}']);
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

function send(method: string, path: string): request.Test {
  const agent = request(api.app) as unknown as Record<string, (path: string) => request.Test>;
  return agent[method]!(path);
}

describe('401 answers', () => {
  it('carry a Bearer challenge with the realm on every route, and details', async () => {
    const guarded = listExpressRoutes(api.app).filter((route) => !PUBLIC.has(`${route.method} ${route.path}`));
    expect(guarded.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of guarded) {
      const response = await send(route.method, route.path.replace(/\{[^}]+\}/g, UNKNOWN_ID));
      const challenge = response.headers['www-authenticate'];
      if (response.status !== 401 || challenge !== 'Bearer realm="interflow"' || response.body.error?.details === undefined) {
        wrong.push(`${route.method} ${route.path} → ${response.status} ${challenge} ${JSON.stringify(response.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('say invalid_token for an unknown token and invalid_request for another scheme (RFC 6750)', async () => {
    const unknown = await request(api.app).get('/v1/tokens').set(api.auth('ifw_not-a-real-token-at-all-xxxxxxxxxxxxxxxxx')).expect(401);
    expect(unknown.headers['www-authenticate']).toBe(
      'Bearer realm="interflow", error="invalid_token", error_description="the bearer token is unknown, revoked or expired"',
    );
    const basic = await request(api.app).get('/v1/tokens').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(basic.headers['www-authenticate']).toMatch(/^Bearer realm="interflow", error="invalid_request", error_description="[^"]+"$/);
    expect(basic.body.error).toEqual({ code: 'unauthorized', message: expect.any(String), details: {} });
  });
});

describe('every error carries details', () => {
  it('403, 404, 409 and route_not_found included', async () => {
    const viewer = api.auth(await api.mintToken('viewer'));
    const answers = [
      await request(api.app).post('/v1/tokens').set(viewer).send({ name: 'x', role: 'viewer' }).expect(403),
      await request(api.app).get(`/v1/tokens/${UNKNOWN_ID}`).set(api.auth(api.adminToken)).expect(404),
      await request(api.app).get('/v1/nothing-here').expect(404),
      await request(api.app).delete('/v1/queues/never-declared').set(api.auth(api.adminToken)).expect(404),
    ];
    for (const answer of answers) {
      expect(answer.body.error).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.anything() });
    }
  });
});

describe('If-Match compares strongly', () => {
  it('refuses the current ETag in weak form with 412 on PATCH and DELETE, and changes nothing', async () => {
    const { deployment } = await createActionChain(api);
    const admin = api.auth(api.adminToken);
    const current = await request(api.app).get(`/v1/deployments/${deployment.id}`).set(admin).expect(200);
    const etag = String(current.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    const before = await tableDigest(api);
    const patch = await request(api.app)
      .patch(`/v1/deployments/${deployment.id}`)
      .set(admin)
      .set('If-Match', `W/${etag}`)
      .send({ description: 'changed' })
      .expect(412);
    expect(patch.body.error).toEqual({ code: 'precondition_failed', message: expect.any(String), details: {} });
    await request(api.app).delete(`/v1/deployments/${deployment.id}`).set(admin).set('If-Match', `W/${etag}`).expect(412);
    expect(await tableDigest(api)).toEqual(before);
    await request(api.app).patch(`/v1/deployments/${deployment.id}`).set(admin).set('If-Match', etag).send({ description: 'changed' }).expect(200);
  });
});

describe('the webhook', () => {
  it("ignores the caller's own Authorization header: Basic, or a bearer token of another system", async () => {
    const { action } = await createActionChain(api, { method: 'ping' });
    const basic = await request(api.app).post(action.webhook_path).set('Authorization', 'Basic dXNlcjpwYXNz').send({ a: 1 }).expect(202);
    expect(basic.body).toMatchObject({ action_id: action.id, trigger: 'webhook', input: { a: 1 } });
    await request(api.app).post(action.webhook_path).set('Authorization', 'Bearer not-ours').send({ a: 2 }).expect(202);
    await request(api.app).post(action.webhook_path).set('Authorization', 'Basic dXNlcjpwYXNz').send({ a: 3 }).expect(202);
  });
});
