import request from 'supertest';
import { createActionChain, createService, uniqueName } from './support/fixtures';
import { useApiWithLogs } from './support/api-with-logs';

const ctx = useApiWithLogs();

interface Resource {
  kind: string;
  /** Creates one; answers its path and the table row query that shows whether it changed. */
  create(): Promise<{ path: string; table: 'services' | 'actions' | 'schedules'; id: string }>;
  patch: Record<string, unknown>;
}

const resources: Resource[] = [
  {
    kind: 'service',
    create: async () => {
      const service = await createService(ctx.api);
      return { path: `/v1/services/${service.id}`, table: 'services', id: service.id };
    },
    patch: { description: 'changed' },
  },
  {
    kind: 'action',
    create: async () => {
      const { action } = await createActionChain(ctx.api);
      return { path: `/v1/actions/${action.id}`, table: 'actions', id: action.id };
    },
    patch: { timeout_ms: 12345 },
  },
  {
    kind: 'schedule',
    create: async () => {
      const created = await request(ctx.api.app)
        .post('/v1/schedules')
        .set(ctx.api.auth(ctx.api.adminToken))
        .send({ name: uniqueName('etag'), target: { type: 'exchange', exchange: '', routing_key: 'nowhere' }, rule: { type: 'interval', every_ms: 60000 } })
        .expect(201);
      return { path: `/v1/schedules/${created.body.id}`, table: 'schedules', id: String(created.body.id) };
    },
    patch: { description: 'changed' },
  },
];

describe('ETag and If-Match on services, actions and schedules', () => {
  it.each(resources)('$kind: GET gives the ETag; a stale If-Match is refused with 412 and changes nothing; a current one applies', async (resource) => {
    const { path, table, id } = await resource.create();
    const admin = ctx.api.auth(ctx.api.adminToken);
    const read = await request(ctx.api.app).get(path).set(admin).expect(200);
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(read.body.etag).toBe(etag);
    const listed = await request(ctx.api.app).get(path.replace(/\/[^/]+$/, '')).query({ limit: 100 }).set(admin).expect(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === id)?.etag).toBe(etag);

    // Someone else changes it after it was read.
    const first = await request(ctx.api.app).patch(path).set(admin).set('If-Match', etag).send(resource.patch).expect(200);
    const current = String(first.headers.etag);
    expect(current).not.toBe(etag);
    expect(first.body.etag).toBe(current);
    const row = async () => ctx.api.db.sql.unsafe(`select * from ${table} where id = $1`, [id]);
    const before = await row();

    const stale = await request(ctx.api.app).patch(path).set(admin).set('If-Match', etag).send({ name: uniqueName('overwritten') }).expect(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    await request(ctx.api.app).delete(path).set(admin).set('If-Match', etag).expect(412);
    expect(await row()).toEqual(before);

    await request(ctx.api.app).delete(path).set(admin).set('If-Match', current).expect(204);
    await request(ctx.api.app).get(path).set(admin).expect(404);
  });

  it("rotating an action's webhook secret leaves its ETag (the secret is not part of what a client edits)", async () => {
    const { action } = await createActionChain(ctx.api);
    const admin = ctx.api.auth(ctx.api.adminToken);
    const before = String((await request(ctx.api.app).get(`/v1/actions/${action.id}`).set(admin).expect(200)).headers.etag);
    await request(ctx.api.app).post(`/v1/actions/${action.id}/webhook`).set(admin).expect(200);
    expect(String((await request(ctx.api.app).get(`/v1/actions/${action.id}`).set(admin).expect(200)).headers.etag)).toBe(before);
  });
});
