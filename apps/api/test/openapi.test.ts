import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { createTestApi, type TestApi } from './support/test-api';
import { listExpressRoutes } from './support/express-routes';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

type Document = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document without a token', async () => {
    const response = await request(api.app).get('/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.paths['/v1/tokens'].post.requestBody.content['application/json'].schema.properties.role.enum).toEqual([
      'viewer',
      'operator',
      'admin',
    ]);
  });

  it('passes a real OpenAPI validator (every $ref resolves, every schema is well formed)', async () => {
    const document = (await request(api.app).get('/openapi.json').expect(200)).body as Parameters<typeof SwaggerParser.validate>[0];
    // validate() dereferences in place; the served copy is ours to spend.
    await expect(SwaggerParser.validate(document)).resolves.toBeDefined();
  });

  it('documents every express route, and routes every documented operation', async () => {
    const document = (await request(api.app).get('/openapi.json').expect(200)).body as Document;
    const routes = listExpressRoutes(api.app);
    expect(routes.length).toBeGreaterThan(5);
    const undocumented = routes.filter((route) => !document.paths[route.path]?.[route.method]).map((r) => `${r.method} ${r.path}`);
    expect(undocumented).toEqual([]);
    const routed = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const documentedOnly = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .filter((operation) => !routed.has(operation));
    expect(documentedOnly).toEqual([]);
  });

  it('gives every operation at least one success response', async () => {
    const document = (await request(api.app).get('/openapi.json').expect(200)).body as Document;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
        expect({ operation: `${method} ${path}`, successes: successes.length > 0 }).toEqual({
          operation: `${method} ${path}`,
          successes: true,
        });
      }
    }
  });
});
