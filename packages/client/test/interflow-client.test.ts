import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterflowClient, InterflowApiError, orThrow } from '../src';

/** A real HTTP server answering from a table, recording what it was asked. */
async function serve(answers: Record<string, { status: number; body: string; type?: string }>) {
  const seen: { url: string; authorization: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const answer = answers[`${req.method} ${req.url}`] ?? { status: 404, body: '{"error":{"code":"not_found","message":"no route"}}' };
    res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/`, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('createInterflowClient', () => {
  it('sends the bearer token and returns the data of a 2xx answer', async () => {
    const api = await serve({ 'GET /v1/schedules/abc': { status: 200, body: '{"id":"abc","name":"nightly"}' } });
    try {
      const client = createInterflowClient({ baseUrl: api.baseUrl, token: 'ifw_secret' });
      const schedule = await orThrow(client.GET('/v1/schedules/{id}', { params: { path: { id: 'abc' } } }));
      expect(schedule.name).toBe('nightly');
      expect(api.seen).toEqual([{ url: '/v1/schedules/abc', authorization: 'Bearer ifw_secret' }]);
    } finally {
      await api.close();
    }
  });

  it("throws the api's code, message and the fields its details name", async () => {
    const body = { error: { code: 'validation_failed', message: 'invalid body: name', details: [{ field: 'name', message: 'Required' }] } };
    const api = await serve({ 'POST /v1/exchanges': { status: 400, body: JSON.stringify(body) } });
    try {
      const client = createInterflowClient({ baseUrl: api.baseUrl });
      const failure = await orThrow(client.POST('/v1/exchanges', { body: { name: '', type: 'direct' } as never })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InterflowApiError);
      const error = failure as InterflowApiError;
      expect([error.status, error.code, error.message]).toEqual([400, 'validation_failed', 'invalid body: name']);
      expect(error.fields).toEqual([{ field: 'name', message: 'Required' }]);
      expect(api.seen[0]?.authorization).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('keeps the status of an answer that is not the api error shape', async () => {
    const api = await serve({ 'GET /v1/queues': { status: 502, body: '<html>bad gateway</html>', type: 'text/html' } });
    try {
      const client = createInterflowClient({ baseUrl: api.baseUrl, token: 't' });
      const error = (await orThrow(client.GET('/v1/queues')).catch((e: unknown) => e)) as InterflowApiError;
      expect([error.status, error.code]).toEqual([502, 'http_502']);
      expect(error.message).toContain('bad gateway');
    } finally {
      await api.close();
    }
  });
});
