import crypto from 'node:crypto';
import request from 'supertest';
import type { TestApi } from './test-api';

/** Unique names so fixtures of several tests in one file never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

export const greetSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 }, times: { type: 'integer', minimum: 1 } },
  additionalProperties: false,
};

/** Registers a service with a schema-checked `greet` method and a free-form `ping`. */
export async function createService(api: TestApi, overrides: Record<string, unknown> = {}) {
  const response = await request(api.app)
    .post('/v1/services')
    .set(api.auth(api.adminToken))
    .send({
      name: uniqueName('svc'),
      base_url: 'http://127.0.0.1:9/connector',
      methods: [
        { name: 'greet', http_method: 'POST', path: '/greet', input_schema: greetSchema },
        { name: 'ping', path: '/ping' },
      ],
      ...overrides,
    })
    .expect(201);
  return response.body as { id: string; name: string; signing_secret: string };
}

export async function createDeployment(api: TestApi, serviceId: string, overrides: Record<string, unknown> = {}) {
  const response = await request(api.app)
    .post('/v1/deployments')
    .set(api.auth(api.adminToken))
    .send({
      name: uniqueName('dep'),
      service_id: serviceId,
      connection: { host: 'bank.example', account: 'acme' },
      credentials: { password: 'correct-horse-battery-staple', api_key: 'AKIA-TOP-SECRET-42' },
      ...overrides,
    })
    .expect(201);
  return response.body as { id: string; name: string; etag: string };
}

export async function createAction(api: TestApi, deploymentId: string, overrides: Record<string, unknown> = {}) {
  const response = await request(api.app)
    .post('/v1/actions')
    .set(api.auth(api.adminToken))
    .send({ name: uniqueName('act'), deployment_id: deploymentId, method: 'greet', ...overrides })
    .expect(201);
  return response.body as { id: string; name: string; queue: string; webhook_path: string; webhook_url: string };
}

/** A service, a deployment of it and an action on its `greet` method. */
export async function createActionChain(api: TestApi, actionOverrides: Record<string, unknown> = {}) {
  const service = await createService(api);
  const deployment = await createDeployment(api, service.id);
  const action = await createAction(api, deployment.id, actionOverrides);
  return { service, deployment, action };
}
