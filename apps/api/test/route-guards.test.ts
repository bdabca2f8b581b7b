import request from 'supertest';
import { listExpressRoutes } from './support/express-routes';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

/** Routes that answer without a token on purpose. */
const PUBLIC = new Set(['get /healthz', 'get /readyz', 'get /metrics', 'get /openapi.json', 'post /v1/hooks/{secret}']);
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
}

function send(method: string, path: string): request.Test {
  const agent = request(api.app);
  switch (method) {
    case 'get':
      return agent.get(path);
    case 'post':
      return agent.post(path);
    case 'put':
      return agent.put(path);
    case 'patch':
      return agent.patch(path);
    case 'delete':
      return agent.delete(path);
    default:
      throw new Error(`no request helper for ${method}`);
  }
}

describe('every /v1 route', () => {
  it('answers 401 without a token (except the public ones)', async () => {
    const guarded = listExpressRoutes(api.app).filter((route) => !PUBLIC.has(`${route.method} ${route.path}`));
    expect(guarded.length).toBeGreaterThan(20);
    const answers: string[] = [];
    for (const route of guarded) {
      const response = await send(route.method, concretePath(route.path)).send({});
      answers.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 401'))).toEqual([]);
  });

  it('answers 404 in the error shape for an unknown id of the integration resources', async () => {
    const itemRoutes = listExpressRoutes(api.app).filter(
      (route) => /^\/v1\/(tokens|services|deployments|actions|runs)\/\{id\}/.test(route.path),
    );
    expect(itemRoutes.length).toBeGreaterThan(10);
    const answers: string[] = [];
    for (const route of itemRoutes) {
      const response = await send(route.method, concretePath(route.path)).set(api.auth(api.adminToken)).send({});
      const shaped = response.body?.error?.code === 'not_found';
      answers.push(`${route.method} ${route.path} → ${response.status}${shaped ? '' : ' (not the error shape)'}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 404'))).toEqual([]);
  });
});
